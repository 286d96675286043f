using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

public sealed class AuditExportSheetTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Rows_split_across_sheets_at_the_row_limit_and_each_appears_exactly_once_in_order(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 30, i => AuditRowSeeder.Synthetic(i, Start));
        var expected = new List<(long, string)>();
        await using (var scope = host.Scope())
        {
            foreach (var entry in await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync())
            {
                expected.AddRange(AuditChange.Parse(entry.Changes).Select(c => (entry.Sequence, c.Field)));
            }
        }

        using var export = await ExportedWorkbook.ExportAsync(host, streamed, sheetRowLimit: 25);

        Assert.Equal(streamed, export.Result.Streamed);
        Assert.Equal(["Cover", "Log", "Log 2", "Log 3", "Log 4"], export.Book.Worksheets.Select(s => s.Name));
        Assert.Equal([25, 25, 25, 19], export.Book.Worksheets.Skip(1).Select(s => s.LastRowUsed().RowNumber()));
        Assert.Equal(4, export.Result.Sheets);
        Assert.Equal(90, export.Result.Rows);
        var rows = export.LogRows().Select(r => (ExportedWorkbook.Cell(r, "Sequence").GetValue<long>(), ExportedWorkbook.Cell(r, "Field").GetString()));
        Assert.Equal(expected, rows);
        Assert.Equal("Log, Log 2, Log 3, Log 4", export.CoverValue("Data sheets").GetString());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_log_sheet_has_a_bold_frozen_header_an_autofilter_and_set_widths(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 12, i => AuditRowSeeder.Synthetic(i, Start));

        using var export = await ExportedWorkbook.ExportAsync(host, streamed, sheetRowLimit: 30);

        foreach (var sheet in export.Book.Worksheets.Where(s => s.Name != "Cover"))
        {
            Assert.Equal(1, sheet.SheetView.SplitRow);
            Assert.Equal(ExportedWorkbook.AuditSheetColumnsHeaders, sheet.Row(1).Cells(1, 13).Select(c => c.GetString()));
            Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
            Assert.True(sheet.AutoFilter.IsEnabled);
            Assert.Equal($"A1:M{sheet.LastRowUsed().RowNumber()}", sheet.AutoFilter.Range.RangeAddress.ToString());
            // ClosedXML reads a width back less the cell padding it adds when saving.
            Assert.InRange(sheet.Column(13).Width, 67, 68.5);
            Assert.InRange(sheet.Column(2).Width, 29, 30.5);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_entry_without_fields_gives_one_row_with_empty_field_columns(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        await using (var scope = host.ScopeAs("ada"))
        {
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordAsync(AuditActions.SignOut, "User", "id-ada");
        }

        using var export = await ExportedWorkbook.ExportAsync(host, streamed);

        var row = export.LogRows().Single();
        Assert.Equal("Signed out", ExportedWorkbook.Cell(row, "Action").GetString());
        Assert.Equal("", ExportedWorkbook.Cell(row, "Field").GetString());
        Assert.Equal("", ExportedWorkbook.Cell(row, "New value").GetString());
        Assert.Equal(XLDataType.Text, ExportedWorkbook.Cell(row, "Row hash").DataType);
    }
}
