using System.Text.Json;
using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

public sealed class AuditExportValueTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Hostile_values_come_back_intact_as_text_and_never_as_formulas_from_the_streamed_writer()
    {
        await AssertIntactAsync(HostileValues.All, streamed: true);
    }

    [Fact]
    public async Task Hostile_values_come_back_intact_as_text_and_never_as_formulas_from_the_styled_writer()
    {
        await AssertIntactAsync(HostileValues.StyledCanCarry, streamed: false);
    }

    [Theory]
    [InlineData("\rcarriage return")]
    [InlineData("two\r\nlines")]
    [InlineData("_x0041_")]
    [InlineData("a_X0042_b")]
    public async Task A_small_export_with_a_value_ClosedXML_would_alter_is_streamed_and_keeps_it(string value)
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 2, i => Entry(i, i == 0 ? "plain" : value));

        using var export = await ExportedWorkbook.ExportAsync(host, streamed: false);

        Assert.True(export.Result.Streamed);
        Assert.Equal(value, ExportedWorkbook.Cell(export.LogRows()[1], "New value").GetString());
    }

    private static async Task AssertIntactAsync(string[] values, bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, values.Length, i => Entry(i, values[i]));

        using var export = await ExportedWorkbook.ExportAsync(host, streamed);

        Assert.Equal(streamed, export.Result.Streamed);
        var rows = export.LogRows();
        Assert.Equal(values.Length, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            foreach (var header in new[] { "Actor", "Entity id", "Field", "Old value", "New value", "Correlation id" })
            {
                var expected = header is "Actor" or "Entity id" or "Correlation id" ? Bounded(values[i]) : values[i];
                var cell = ExportedWorkbook.Cell(rows[i], header);
                Assert.False(cell.HasFormula, $"{header} of row {i + 2} is a formula");
                Assert.Equal(XLDataType.Text, cell.DataType);
                Assert.Equal(expected, cell.GetString());
                Assert.Equal(SpreadsheetText.IsRisky(expected), cell.Style.IncludeQuotePrefix);
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_value_beyond_the_cell_limit_is_cut_visibly_and_counted_on_the_cover(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        var huge = "=" + new string('x', 40_000);
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 2, i => Entry(i, i == 0 ? huge : "short"));

        using var export = await ExportedWorkbook.ExportAsync(host, streamed);

        var cell = ExportedWorkbook.Cell(export.LogRows()[0], "New value");
        Assert.Equal(SpreadsheetText.FitCell(huge), cell.GetString());
        Assert.EndsWith("[cut: 40,001 characters in full]", cell.GetString(), StringComparison.Ordinal);
        Assert.False(cell.HasFormula);
        Assert.Equal(3, export.Result.CutValues);
        Assert.StartsWith("3 values were longer", export.CoverValue("Values cut").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Times_are_ISO_8601_UTC_text_to_the_tick_and_sequences_are_numbers(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 1, _ => Entry(0, "v") is var e ? WithTime(e, Start.AddTicks(1_234_567)) : e);

        using var export = await ExportedWorkbook.ExportAsync(host, streamed);

        var row = export.LogRows().Single();
        var time = ExportedWorkbook.Cell(row, "Time (UTC)");
        Assert.Equal("2026-01-05T08:00:00.1234567Z", time.GetString());
        Assert.Equal(XLDataType.Text, time.DataType);
        var sequence = ExportedWorkbook.Cell(row, "Sequence");
        Assert.Equal(XLDataType.Number, sequence.DataType);
        Assert.Equal(1, sequence.GetValue<long>());
    }

    private static AuditEntry WithTime(AuditEntry entry, DateTime time)
    {
        entry.TimeUtc = time;
        return entry;
    }

    /// <summary>
    /// One entry whose field name, old and new value are <paramref name="value"/>, and whose actor, entity id and correlation
    /// id are as much of it as those columns hold (PostgreSQL enforces their widths; the field and values are unbounded).
    /// </summary>
    private static AuditEntry Entry(long i, string value) => new()
    {
        TimeUtc = Start.AddSeconds(i),
        ActorName = Bounded(value),
        Action = AuditActions.Update,
        EntityType = "Contact",
        EntityId = Bounded(value),
        Changes = JsonSerializer.Serialize(new[] { new { field = value, old = value, @new = value } }),
        CorrelationId = Bounded(value),
        Source = AuditSources.Ui,
    };

    /// <summary>The narrowest of the bounded columns (the correlation id's 128 characters).</summary>
    private static string Bounded(string value) => value.Length <= 128 ? value : value[..128];
}
