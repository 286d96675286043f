using ClosedXML.Excel;
using CrmGovernance.Core.Tests.Features.Audit;
using CrmGovernance.Core.Tests.Features.Sync.Engine;

namespace CrmGovernance.Cli.Tests;

public sealed class AuditCliTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Verify_exits_0_on_an_intact_chain_and_records_the_verification()
    {
        using var workspace = await SeededAsync(50);

        var run = await workspace.RunAsync("audit", "verify");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"Chain: intact, \d+ rows verified up to row \d+", run.Output);
        Assert.Equal(1, await CliWorkspace.ScalarAsync(workspace.DatabasePath, "SELECT COUNT(*) FROM AuditVerifications WHERE IsIntact = 1"));
    }

    [Fact]
    public async Task Verify_and_export_exit_with_the_broken_chain_code_after_tampering_and_the_export_still_writes_its_file()
    {
        using var workspace = await SeededAsync(50);
        await workspace.ExecuteRawAsync("DROP TRIGGER AuditEntries_NoUpdate; UPDATE AuditEntries SET ActorName = 'nobody' WHERE Sequence = (SELECT MAX(Sequence) - 10 FROM AuditEntries);");
        var file = Path.Combine(workspace.Root, "tampered.xlsx");

        var verify = await workspace.RunAsync("audit", "verify");
        var export = await workspace.RunAsync("audit", "export", "--out", file);

        Assert.True(verify.ExitCode == 6, verify.ToString());
        Assert.Contains("Chain: BROKEN at row", verify.Output, StringComparison.Ordinal);
        Assert.True(export.ExitCode == 6, export.ToString());
        using var book = new XLWorkbook(file);
        Assert.StartsWith("BROKEN at row", Value(book, "Status"), StringComparison.Ordinal);
    }

    /// <summary>Issue 12, finding 9 (b): passed before, when the recorded verifications were the only memory of the chain's length.</summary>
    [Fact]
    public async Task Verify_exits_6_and_names_the_witness_checkpoint_when_the_tail_and_its_verifications_were_deleted()
    {
        using var workspace = await SeededAsync(50);
        var first = await workspace.RunAsync("audit", "verify");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("\"sequence\":50,", await File.ReadAllTextAsync(workspace.WitnessPath), StringComparison.Ordinal);
        await workspace.ExecuteRawAsync("DROP TRIGGER AuditEntries_NoDelete; DELETE FROM AuditEntries WHERE Sequence > 40; DELETE FROM AuditVerifications;");

        var verify = await workspace.RunAsync("audit", "verify");

        Assert.True(verify.ExitCode == 6, verify.ToString());
        Assert.Contains("Chain: BROKEN at row 41: The chain ends at row 40, but the witness holds a checkpoint of row 50", verify.Output, StringComparison.Ordinal);
        Assert.Contains("missing: AuditEntries_NoDelete", verify.Output, StringComparison.Ordinal);
    }

    /// <summary>Issue 12, finding 9 (e): dropping the triggers used to go unnoticed.</summary>
    [Fact]
    public async Task Verify_exits_6_when_the_append_only_triggers_are_dropped()
    {
        using var workspace = await SeededAsync(10);
        await workspace.ExecuteRawAsync("DROP TRIGGER AuditEntries_NoUpdate; DROP TRIGGER AuditEntries_NoDelete;");

        var verify = await workspace.RunAsync("audit", "verify");

        Assert.True(verify.ExitCode == 6, verify.ToString());
        Assert.Contains("Chain: TAMPERED: The append-only triggers were tampered with (missing: AuditEntries_NoUpdate, AuditEntries_NoDelete)", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_of_a_day_writes_a_readable_workbook_with_that_days_rows_and_no_temporary_file()
    {
        using var workspace = await SeededAsync(100);
        var file = Path.Combine(workspace.Root, "january-5.xlsx");

        var run = await workspace.RunAsync("audit", "export", "--from", "2026-01-05", "--to", "2026-01-05", "--out", file, "--source", "ui");

        Assert.True(run.ExitCode == 0, run.ToString());
        // Every third seeded row is a worker's; the rest, 66, are the UI's.
        Assert.Contains("Exported 66 audit rows as 198 sheet rows on 1 sheet(s) (Log) styled", run.Output, StringComparison.Ordinal);
        Assert.Matches("Head: row [0-9,]+, hash [0-9a-f]{64}", run.Output);
        Assert.Equal([file], Directory.GetFiles(workspace.Root, "*.xlsx*"));
        using var book = new XLWorkbook(file);
        Assert.Equal("66", Value(book, "Audit rows (entries)"));
        Assert.Equal("2026-01-05T00:00:00.0000000Z", Value(book, "From (UTC, included)"));
        Assert.Equal("2026-01-06T00:00:00.0000000Z", Value(book, "To (UTC, not included)"));
        Assert.Equal("ui", Value(book, "Source"));
        Assert.StartsWith("system:cli (", Value(book, "Exported by"), StringComparison.Ordinal);
        Assert.Equal(199, book.Worksheet("Log").LastRowUsed().RowNumber());
    }

    [Theory]
    [InlineData("--from", "2026-13-01")]
    [InlineData("--to", "yesterday")]
    public async Task A_bad_date_is_a_usage_error_and_writes_nothing(string option, string value)
    {
        using var workspace = await AuditCliWorkspace.CreateAsync();
        var file = Path.Combine(workspace.Root, "never.xlsx");

        var run = await workspace.RunAsync("audit", "export", option, value, "--out", file);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"{option}: \"{value}\" is not a date", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    private static async Task<AuditCliWorkspace> SeededAsync(int rows)
    {
        var workspace = await AuditCliWorkspace.CreateAsync();
        await AuditRowSeeder.AppendAsync(workspace.ConnectionString, workspace.ChainKey, rows, i => AuditRowSeeder.Synthetic(i, Start));
        return workspace;
    }

    private static string Value(XLWorkbook book, string label) =>
        book.Worksheet("Cover").Column(1).CellsUsed().Single(c => c.GetString() == label).CellRight().GetString();
}
