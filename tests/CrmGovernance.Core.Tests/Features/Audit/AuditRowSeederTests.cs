using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit;

public sealed class AuditRowSeederTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Seeded_rows_extend_the_chain_so_that_it_verifies()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.CreateUserAsync("grace@example.com");

        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 2_500, i => AuditRowSeeder.Synthetic(i, Start));

        await using var scope = host.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
        Assert.True(result.IsIntact, result.Problem);
        Assert.True(result.RowsChecked > 2_500);
    }

    [Fact]
    public async Task Seeded_rows_read_back_with_their_time_and_change_request()
    {
        await using var host = await CoreTestHost.StartAsync();
        var request = Guid.NewGuid();

        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 20, i => AuditRowSeeder.Synthetic(i, Start, [request]));

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var first = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync();
        Assert.Equal(Start, first.TimeUtc);
        Assert.Equal(request, first.ChangeRequestId);
        Assert.Equal(2, await db.AuditEntries.CountAsync(e => e.ChangeRequestId == request));
    }

    [Fact]
    public async Task Every_appended_row_is_in_the_full_text_index_of_values()
    {
        await using var host = await CoreTestHost.StartAsync();

        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 10, i => AuditRowSeeder.Synthetic(i, Start) is var row && i == 3
            ? new AuditEntry { TimeUtc = row.TimeUtc, ActorName = "x", Action = "Update", EntityType = "User", Changes = """[{"field":"Email","old":"anna.berg@example.com","new":"zoë@example.org"}]""", Source = "ui" }
            : row);

        // The same query in each engine's index: FTS5's phrase and word, PostgreSQL's tsvector (fed by the insert trigger).
        var query = host.Provider == DatabaseProvider.Postgres
            ? "SELECT \"Sequence\" FROM \"AuditSearch\" WHERE \"Body\" @@ to_tsquery('simple', 'anna <-> berg & zoe')"
            : "SELECT rowid FROM AuditSearch WHERE AuditSearch MATCH '\"anna berg\" AND \"zoe\"'";
        Assert.Equal(4L, await TestSql.ScalarAsync(host.Provider, host.ConnectionString, query));
    }
}
