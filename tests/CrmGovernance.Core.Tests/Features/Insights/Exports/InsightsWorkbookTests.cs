using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Exports;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Insights.Exports;

public sealed class InsightsWorkbookTests
{
    private static readonly InsightsFilter LastWeek = new(new DateOnly(2026, 2, 23), new DateOnly(2026, 3, 1));

    [Fact]
    public async Task The_workbook_holds_the_dashboards_figures_trend_and_tables()
    {
        await using var f = await WeekOfFigures.StartAsync();
        using var workbook = await ExportAsync(f, "manager@example.com", Roles.Manager, LastWeek);

        Assert.Equal(["About", "Figures", "Trend", "Flows", "Rejection reasons", "Duplicates", "Versions"], workbook.Worksheets.Select(w => w.Name));
        var figures = Rows(workbook.Worksheet("Figures"));
        var moved = figures.Single(r => r[^1].GetString() == InsightCards.RecordsMoved);
        Assert.Equal("Records moved", moved[1].GetString());
        Assert.Equal(1580d, moved[2].GetDouble());
        Assert.Equal(1681d, moved[3].GetDouble());
        Assert.Equal(-101d, moved[4].GetDouble());
        Assert.Equal("worse", moved[6].GetString());
        var success = figures.Single(r => r[^1].GetString() == InsightCards.SuccessRate);
        Assert.Equal(0.96, success[2].GetDouble(), 6);
        Assert.Equal("share", success[5].GetString());

        // Seven days, one row each; the 25th holds this week's records moved.
        var trend = Rows(workbook.Worksheet("Trend"));
        Assert.Equal(7, trend.Count);
        var movedColumn = HeaderIndex(workbook.Worksheet("Trend"), "Records moved (count)");
        Assert.Equal(1580d, trend.Single(r => r[0].GetDateTime() == new DateTime(2026, 2, 25)).ElementAt(movedColumn).GetDouble());

        var flows = Rows(workbook.Worksheet("Flows"));
        var orders = flows.Single(r => r[0].GetString() == "Shop orders to CRM");
        Assert.Equal("Order", orders[1].GetString());
        Assert.Equal(500d, orders[4].GetDouble());
        Assert.Equal(5, flows.Count);

        var reasons = Rows(workbook.Worksheet("Rejection reasons"));
        Assert.Equal(["Email is missing", WeekOfFigures.Trap, "Country unknown"], reasons.Select(r => r[0].GetString()));
        Assert.Equal([15d, 10d, 5d], reasons.Select(r => r[1].GetDouble()));
        Assert.Equal(5d, reasons[1][2].GetDouble());
        var duplicates = Rows(workbook.Worksheet("Duplicates"));
        Assert.Equal(12d, duplicates.Single(r => r[0].GetString() == "Contact")[3].GetDouble());
    }

    [Fact]
    public async Task Text_that_looks_like_a_formula_stays_text()
    {
        await using var f = await WeekOfFigures.StartAsync();
        using var workbook = await ExportAsync(f, "manager@example.com", Roles.Manager, LastWeek);

        var cell = workbook.Worksheet("Rejection reasons").Column(1).CellsUsed().Single(c => c.GetString().StartsWith('='));
        Assert.False(cell.HasFormula);
        Assert.Equal(XLDataType.Text, cell.DataType);
        Assert.Equal(WeekOfFigures.Trap, cell.GetString());
        Assert.True(cell.Style.IncludeQuotePrefix);
        Assert.DoesNotContain(workbook.Worksheets.SelectMany(w => w.CellsUsed()), c => c.HasFormula);
    }

    [Fact]
    public async Task A_business_owners_workbook_holds_only_their_objects()
    {
        await using var f = await WeekOfFigures.StartAsync();
        using var workbook = await ExportAsync(f, ChangeControlScenario.OtherOwner, Roles.BusinessOwner, LastWeek);

        Assert.Equal(["Shop orders to CRM"], Rows(workbook.Worksheet("Flows")).Select(r => r[0].GetString()));
        Assert.Equal([WeekOfFigures.Trap], Rows(workbook.Worksheet("Rejection reasons")).Select(r => r[0].GetString()));
        Assert.Equal(480d, Rows(workbook.Worksheet("Figures")).Single(r => r[^1].GetString() == InsightCards.RecordsMoved)[2].GetDouble());
    }

    [Fact]
    public async Task A_business_owner_is_refused_the_export_of_another_owners_object()
    {
        await using var f = await WeekOfFigures.StartAsync();
        await using var scope = f.As(ChangeControlScenario.Owner, Roles.BusinessOwner);

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scope.ServiceProvider.GetRequiredService<InsightsWorkbook>().ExportAsync(LastWeek with { FlowId = WeekOfFigures.Orders }));
    }

    private static async Task<XLWorkbook> ExportAsync(WeekOfFigures f, string name, string role, InsightsFilter filter)
    {
        await using var scope = f.As(name, role);
        var export = await scope.ServiceProvider.GetRequiredService<InsightsWorkbook>().ExportAsync(filter);
        Assert.Equal("insights-2026-02-23-to-2026-03-01.xlsx", export.FileName);
        return new XLWorkbook(new MemoryStream(export.Content));
    }

    private static List<List<IXLCell>> Rows(IXLWorksheet sheet) =>
        [.. sheet.RowsUsed().Skip(1).Select(r => Enumerable.Range(1, sheet.LastColumnUsed().ColumnNumber()).Select(c => r.Cell(c)).ToList())];

    private static int HeaderIndex(IXLWorksheet sheet, string header) =>
        sheet.Row(1).CellsUsed().Select((c, i) => (c, i)).Single(x => x.c.GetString() == header).i;
}
