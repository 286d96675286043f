using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using static CrmGovernance.Core.Tests.Features.Audit.Reports.ReportScenario;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Audit.Reports;

public sealed class ChangeRequestPeriodReportTests
{
    private static readonly DateTime PeriodStart = new(2026, 3, 8, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime PeriodEnd = new(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Period_report_holds_exactly_the_requests_created_submitted_decided_or_withdrawn_in_the_period()
    {
        await using var scenario = await StartAsync(); // CR-1, the baseline: 2 March, before the period.
        var withdrawn = await At(scenario, 5, () => scenario.AsOwner(s => s.CreateDraftAsync("Later withdrawn", "Not needed after all")));
        await At(scenario, 10, () => ChangeOutcomeAsync(scenario, "Inside", "Decided in the period", "Within 15 minutes", "Fine"));
        await At(scenario, 12, () => scenario.AsOwner(s => s.SetStatusByAuthorAsync(withdrawn, ChangeRequestStatus.Withdrawn)));
        await At(scenario, 14, () => scenario.AsOwner(s => s.CreateDraftAsync("Last day", "Created on the period's last day")));
        await At(scenario, 15, () => scenario.AsOwner(s => s.CreateDraftAsync("After", "Created the day after the period")));

        var outcome = await AsAuditorAsync(scenario, r => r.ExportPeriodAsync(PeriodStart, PeriodEnd));

        Assert.Equal("change-requests-2026-03-08-to-2026-03-14.xlsx", outcome.File!.FileName);
        using var workbook = Open(outcome);
        Assert.Equal(["CR-2", "CR-3", "CR-4"], Rows(workbook, "Requests").Select(r => r[0]));
        Assert.Equal(["Withdrawn"], Rows(workbook, "Approvals").Where(r => r[0] == "CR-2").Select(r => r[1]));
        Assert.Equal(["CR-2", "CR-3", "CR-4"], Rows(workbook, "Timeline").Select(r => r[0]).Distinct().Order());
        Assert.Contains("from 2026-03-08 to 2026-03-14", workbook.Worksheet("Cover").Cell(3, 2).GetString(), StringComparison.Ordinal);

        var recorded = (await scenario.Host.AuditRowsAsync()).Last();
        Assert.Equal((AuditActions.ChangeRequestReportExported, Auditor, (string?)null), (recorded.Action, recorded.ActorName, recorded.EntityId));
        using var details = JsonDocument.Parse(recorded.Changes);
        Assert.Equal(3, details.RootElement.GetProperty("requests").GetInt32());
        Assert.Equal("CR-2, CR-3, CR-4", details.RootElement.GetProperty("labels").GetString());
        Assert.Equal(PeriodStart, details.RootElement.GetProperty("fromUtc").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task An_empty_period_gives_a_clear_message_and_no_file_and_records_nothing()
    {
        await using var scenario = await StartAsync();
        var before = (await scenario.Host.AuditRowsAsync()).Count;

        var outcome = await AsAuditorAsync(scenario, r => r.ExportPeriodAsync(PeriodStart, PeriodEnd));

        Assert.False(outcome.Succeeded);
        Assert.Null(outcome.File);
        Assert.Equal("No change request was created, submitted or decided from 2026-03-08 to 2026-03-14 (UTC days, both included). "
            + "There is nothing to report: choose another period.", outcome.Error);
        Assert.Equal(before, (await scenario.Host.AuditRowsAsync()).Count);
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_refused()
    {
        await using var scenario = await StartAsync();

        var outcome = await AsAuditorAsync(scenario, r => r.ExportPeriodAsync(PeriodEnd, PeriodStart));

        Assert.Equal("The period must end after it starts: choose a \"to\" date on or after the \"from\" date.", outcome.Error);
    }

    /// <summary>Moves the test clock to 09:30 UTC on that day of March 2026, then acts.</summary>
    private static Task<T> At<T>(ChangeControlScenario scenario, int day, Func<Task<T>> action)
    {
        scenario.Host.Clock.SetUtcNow(new DateTimeOffset(2026, 3, day, 9, 30, 0, TimeSpan.Zero));
        return action();
    }
}
