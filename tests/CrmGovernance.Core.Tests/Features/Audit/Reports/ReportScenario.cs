using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit.Reports;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Audit.Reports;

/// <summary>Drives change requests through their life and reads report workbooks back as a spreadsheet user would.</summary>
internal static class ReportScenario
{
    public const string Auditor = "auditor@example.com";

    /// <summary>The owner drafts a change of the orders flow's outcome; the admin approves it when a comment is given.</summary>
    public static async Task<Guid> ChangeOutcomeAsync(ChangeControlScenario scenario, string title, string reason, string outcome, string? approval)
    {
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync(title, reason));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Outcome = outcome })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        if (approval is not null)
        {
            Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, approval)));
        }
        return id;
    }

    /// <summary>The report service as the Core wires it (the test host does not register it).</summary>
    public static async Task<T> ReportAsync<T>(ChangeControlScenario scenario, string name, string[] roles, Func<ChangeRequestReport, Task<T>> action)
    {
        await using var scope = scenario.Host.ScopeAs(name, roles);
        return await action(ActivatorUtilities.CreateInstance<ChangeRequestReport>(scope.ServiceProvider));
    }

    public static Task<ChangeRequestReportOutcome> AsAuditorAsync(ChangeControlScenario scenario, Func<ChangeRequestReport, Task<ChangeRequestReportOutcome>> action) =>
        ReportAsync(scenario, Auditor, [Roles.Auditor], action);

    public static XLWorkbook Open(ChangeRequestReportOutcome outcome)
    {
        Assert.True(outcome.Succeeded, outcome.Error);
        return new XLWorkbook(new MemoryStream(outcome.File!.Content));
    }

    /// <summary>A table sheet's rows below the header, each cell as its text.</summary>
    public static List<string[]> Rows(XLWorkbook workbook, string sheet)
    {
        var ws = workbook.Worksheet(sheet);
        var columns = ws.Row(1).LastCellUsed().Address.ColumnNumber;
        var last = ws.LastRowUsed().RowNumber();
        return Enumerable.Range(2, Math.Max(0, last - 1))
            .Select(r => Enumerable.Range(1, columns).Select(c => ws.Cell(r, c).GetString()).ToArray()).ToList();
    }

    /// <summary>The column of a header, by its text.</summary>
    public static int Column(XLWorkbook workbook, string sheet, string header) =>
        workbook.Worksheet(sheet).Row(1).CellsUsed(c => c.GetString() == header).Single().Address.ColumnNumber - 1;
}
