using System.Text.Json;
using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.Audit.Reports.ReportScenario;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Audit.Reports;

public sealed class ChangeRequestReportTests
{
    [Fact]
    public async Task One_request_report_holds_its_diff_approvals_comments_and_only_its_own_audit_rows()
    {
        await using var scenario = await StartAsync();
        var id = await ChangeOutcomeAsync(scenario, "Faster orders", "Finance wants orders sooner.", "Orders reach the CRM within 15 minutes.", "Looks right");
        var other = await ChangeOutcomeAsync(scenario, "Another change", "Unrelated", "Orders within an hour.", approval: null);

        var outcome = await AsAuditorAsync(scenario, r => r.ExportAsync(id));

        Assert.Equal("CR-2-report.xlsx", outcome.File!.FileName);
        using var workbook = Open(outcome);
        Assert.Equal(["Cover", "Requests", "Changes", "Approvals", "Comments", "Timeline"], workbook.Worksheets.Select(s => s.Name));
        var request = Assert.Single(Rows(workbook, "Requests"));
        Assert.Equal(["CR-2", "Faster orders", "Finance wants orders sooner.", "Approved", Owner], request[..5]);
        Assert.Equal([Admin, "Looks right", "2"], [request[7], request[9], request[10]]);

        var described = await scenario.AsOwner(s => s.DescribeAsync(id));
        var expected = described
            .SelectMany(i => i.Fields.Select(f => new[]
            {
                "CR-2", i.Kind.ToString(), i.ShownTitle, i.Change.ToString(), f.ShownLabel, f.ShownOld ?? "", f.ShownNew ?? "", f.Path, f.Old ?? "", f.New ?? "",
            }))
            .ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Rows(workbook, "Changes").Select(r => r[..10]));
        // In business words, with the stored path beside them.
        Assert.Contains(expected, r => r[2] == "Flow Shop orders to CRM" && r[4] == "Outcome" && r[6] == "Orders reach the CRM within 15 minutes." && r[7] == "outcome");
        Assert.Contains(Rows(workbook, "Timeline"), r => r[4] == "Approved CR-2");

        Assert.Equal([["Submitted for review", Owner, ""], ["Approved", Admin, "Looks right"]],
            Rows(workbook, "Approvals").Select(r => new[] { r[1], r[2], r[4] }));
        Assert.Equal([["Reason", Owner, "Finance wants orders sooner."], ["Decision comment", Admin, "Looks right"]],
            Rows(workbook, "Comments").Select(r => new[] { r[1], r[2], r[4] }));

        var audit = await scenario.Host.AuditRowsAsync();
        // The report's own export event is linked to the request too, but written after the workbook.
        var own = audit.Where(e => e.ChangeRequestId == id && e.Action != AuditActions.ChangeRequestReportExported).ToList();
        Assert.Single(audit, e => e.ChangeRequestId == id && e.Action == AuditActions.ChangeRequestReportExported);
        var timeline = Rows(workbook, "Timeline");
        Assert.Equal(own.Select(e => e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)), timeline.Select(r => r[1]).Distinct());
        Assert.Equal(own.Select(e => e.Hash), timeline.Select(r => r[10]).Distinct());
        Assert.Contains(own, e => e.EntityType == "ConfigurationVersion");
        Assert.DoesNotContain(audit.Where(e => e.ChangeRequestId == other).Select(e => e.Hash), timeline.Select(r => r[10]).Contains);
    }

    [Fact]
    public async Task Hostile_text_comes_back_intact_as_quoted_text_and_never_as_a_formula()
    {
        string[] hostile = ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1)", "\tTabbed", "\nNew line", "\rCarriage return"];
        await using var scenario = await StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync(hostile[0], hostile[1]));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Outcome = hostile[6] })));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.WebFormFlow)! with { Outcome = hostile[4] })));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OpportunitiesFlow)! with { Name = hostile[2], Outcome = hostile[5] })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, hostile[3])));

        using var workbook = Open(await AsAuditorAsync(scenario, r => r.ExportAsync(id)));

        var cells = workbook.Worksheets.SelectMany(s => s.CellsUsed()).ToList();
        Assert.DoesNotContain(cells, c => c.HasFormula);
        var risky = cells.Where(c => c.GetString() is ['=' or '+' or '-' or '@' or '\t' or '\r' or '\n', ..]).ToList();
        Assert.All(risky, c => Assert.True(c.DataType == XLDataType.Text && c.Style.IncludeQuotePrefix, $"{c.Worksheet.Name}!{c.Address} is not quoted text"));
        var request = Rows(workbook, "Requests").Single();
        Assert.Equal([hostile[0], hostile[1], hostile[3]], [request[1], request[2], request[9]]);
        // XML reads a bare carriage return as a line feed (ClosedXML 0.95.4 does not write it as _x000D_).
        Assert.Equal([hostile[4], "\nCarriage return", hostile[5]], Rows(workbook, "Changes").Where(r => r[7] == "outcome").Select(r => r[9]).Order(StringComparer.Ordinal));
        Assert.Contains(Rows(workbook, "Timeline"), r => r[7] == "Title" && r[9] == hostile[0]);
        Assert.Contains(risky, c => c.GetString() == hostile[3] && c.Worksheet.Name == "Comments");
        Assert.Contains(risky, c => c.GetString() == hostile[1] && c.Worksheet.Name == "Comments");
        Assert.Contains(Rows(workbook, "Changes"), r => r[2] == "Flow -2" && r[7] == "name" && r[6] == hostile[2]);
    }

    [Fact]
    public async Task Taking_a_report_is_recorded_in_the_audit_log_with_the_request_and_its_count()
    {
        await using var scenario = await StartAsync();
        var id = await ChangeOutcomeAsync(scenario, "Faster orders", "Finance", "Within 15 minutes", "Fine");

        await AsAuditorAsync(scenario, r => r.ExportAsync(id));

        var recorded = (await scenario.Host.AuditRowsAsync()).Last();
        Assert.Equal((AuditActions.ChangeRequestReportExported, Auditor, "ChangeRequest", id.ToString("D")),
            (recorded.Action, recorded.ActorName, recorded.EntityType, recorded.EntityId));
        Assert.Equal(id, recorded.ChangeRequestId);
        using var details = JsonDocument.Parse(recorded.Changes);
        Assert.Equal("CR-2", details.RootElement.GetProperty("request").GetString());
        Assert.Equal(1, details.RootElement.GetProperty("requests").GetInt32());
    }

    [Fact]
    public async Task A_steward_is_refused_both_reports_and_nothing_is_recorded()
    {
        await using var scenario = await StartAsync();
        var id = await ChangeOutcomeAsync(scenario, "Faster orders", "Finance", "Within 15 minutes", "Fine");
        var before = (await scenario.Host.AuditRowsAsync()).Count;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ReportAsync(scenario, Steward, [Roles.Steward], r => r.ExportAsync(id)));
        var refused = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            ReportAsync(scenario, Steward, [Roles.Steward, Roles.Manager], r => r.ExportPeriodAsync(DateTime.UnixEpoch, DateTime.UtcNow)));

        Assert.Equal("Only admins, business owners and auditors may read the configuration, its change requests, versions and reports.", refused.Message);
        Assert.Equal(before, (await scenario.Host.AuditRowsAsync()).Count);
    }

    [Fact]
    public async Task A_business_owner_may_take_the_report_and_an_unknown_request_is_named_as_such()
    {
        await using var scenario = await StartAsync();
        var id = await ChangeOutcomeAsync(scenario, "Faster orders", "Finance", "Within 15 minutes", approval: null);

        var mine = await ReportAsync(scenario, OtherOwner, [Roles.BusinessOwner], r => r.ExportAsync(id));
        var unknown = await AsAuditorAsync(scenario, r => r.ExportAsync(Guid.NewGuid()));

        Assert.True(mine.Succeeded, mine.Error);
        Assert.Equal("That change request does not exist.", unknown.Error);
    }
}
