using ClosedXML.Excel;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

public sealed class AuditExportCoverTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_cover_shows_the_verifiers_head_hash_and_an_intact_chain(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 30, i => AuditRowSeeder.Synthetic(i, Start));

        using var export = await ExportedWorkbook.ExportAsync(host, streamed);

        ChainVerificationResult verified;
        await using (var scope = host.Scope())
        {
            verified = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(upToSequence: 30);
        }
        Assert.Equal("Cover", export.Book.Worksheet(1).Name);
        Assert.Equal(verified.HeadHash, export.CoverValue("Head hash").GetString());
        Assert.Equal(verified.HeadHash, export.Result.HeadHash);
        Assert.Equal("30", export.CoverValue("Head sequence").GetString());
        Assert.Equal("Intact: 30 rows verified up to row 30", export.CoverValue("Status").GetString());
        Assert.Equal("30", export.CoverValue("Audit rows (entries)").GetString());
        Assert.Equal("90", export.CoverValue("Sheet rows (one per changed field)").GetString());
        Assert.Equal("1 to 30", export.CoverValue("Sequence range").GetString());
        Assert.Equal(ExportedWorkbook.ExportedBy, export.CoverValue("Exported by").GetString());
        Assert.Equal("Log", export.CoverValue("Data sheets").GetString());
        Assert.Contains("crmgov audit verify", export.CoverValue("How to check again").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_cover_lists_every_filter_with_the_change_request_label_and_typed_text_kept_formula_safe(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        var request = await AddChangeRequestAsync(host, 12);
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 40, i => AuditRowSeeder.Synthetic(i, Start, [request]));
        var filter = new AuditLogFilter(FromUtc: Start, ChangeRequestId: request, Search: "=cmd|' /C calc'!A0");

        using var export = await ExportedWorkbook.ExportAsync(host, streamed, filter);

        Assert.Equal("CR-12", export.CoverValue("Change request").GetString());
        Assert.Equal("2026-01-05T08:00:00.0000000Z", export.CoverValue("From (UTC, included)").GetString());
        Assert.Equal("any", export.CoverValue("To (UTC, not included)").GetString());
        Assert.Equal("any", export.CoverValue("Actor").GetString());
        var search = export.CoverValue("Search in values");
        Assert.Equal("\"=cmd|' /C calc'!A0\"", search.GetString());
        Assert.False(search.HasFormula);
        Assert.Equal(XLDataType.Text, search.DataType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_change_request_filter_exports_only_its_rows_with_their_label(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        var request = await AddChangeRequestAsync(host, 7);
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 40, i => AuditRowSeeder.Synthetic(i, Start, [request]));

        using var export = await ExportedWorkbook.ExportAsync(host, streamed, new AuditLogFilter(ChangeRequestId: request));

        var rows = export.LogRows();
        // The request's own insert, and every tenth seeded row (three fields each).
        Assert.Equal(1 + 4, export.Result.Entries);
        Assert.All(rows, r => Assert.Equal("CR-7", ExportedWorkbook.Cell(r, "Change request").GetString()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_tampered_row_shows_BROKEN_on_the_cover_and_the_file_is_still_written(bool streamed)
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 10, i => AuditRowSeeder.Synthetic(i, Start));
        await host.ExecuteRawAsync(TestSql.DropTrigger(host.Provider, "AuditEntries_NoUpdate") + "UPDATE \"AuditEntries\" SET \"ActorName\" = 'someone else' WHERE \"Sequence\" = 3;");

        using var export = await ExportedWorkbook.ExportAsync(host, streamed);

        Assert.False(export.Result.Chain.IsIntact);
        Assert.Equal(3, export.Result.Chain.FirstBrokenSequence);
        var status = export.CoverValue("Status").GetString();
        Assert.StartsWith("BROKEN at row 3: Row 3 was changed after it was written", status, StringComparison.Ordinal);
        Assert.StartsWith("2 (hash ", export.CoverValue("Last verified row").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, export.Result.Entries);
    }

    private static async Task<Guid> AddChangeRequestAsync(CoreTestHost host, int number)
    {
        await using var scope = host.Scope(a => a.SetSystem("test-seed", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var request = new ChangeRequest
        {
            Id = Guid.NewGuid(), Number = number, Title = "Sharper outcome", Reason = "Owners asked", AuthorId = "id-ada", AuthorName = "ada",
            CreatedUtc = Start.AddDays(-1), UpdatedUtc = Start.AddDays(-1),
        };
        db.ChangeRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}
