using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Copy;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Data.Copy;

/// <summary>The copy engine on its own: a SQLite database with audited changes copied into a migrated PostgreSQL database.</summary>
// On PostgreSQL whatever the run's engine: .ci/test's second pass (all on PostgreSQL) leaves it out.
[Trait("Engine", "Postgres")]
public sealed class DatabaseCopyTests
{
    [Fact]
    public async Task Copied_rows_keep_their_keys_and_the_chain_verifies_on_the_target()
    {
        await using var host = await SqliteSourceAsync();
        // A real clock has ticks below the microsecond, and the chain hashes times to the tick: PostgreSQL must keep them.
        host.Clock.Advance(TimeSpan.FromTicks(1_234_567));
        await host.CreateUserAsync("ada@example.com", Roles.Admin);
        host.Clock.Advance(TimeSpan.FromTicks(7_654_321));
        await host.CreateUserAsync("grace@example.com", Roles.Steward, Roles.Auditor);
        await using var database = await TestDatabase.CreateEmptyPostgresAsync();
        var contexts = new CopyTargetContexts(database.ConnectionString);
        await using var target = contexts.CreateDbContext();
        await target.Database.MigrateAsync();
        await using var scope = host.Scope();
        var source = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var copy = new DatabaseCopy(source, target);

        Assert.Empty(await copy.UsedTargetTablesAsync(CancellationToken.None));
        var copied = await copy.CopyAsync(overwrite: false, progress: null, CancellationToken.None);

        Assert.Equal(copy.Tables.Count, copied.Count);
        Assert.All(await copy.CountsAsync(CancellationToken.None), c => Assert.True(c.Equal, $"{c.Table}: {c.Source} rows, copied {c.Target}"));
        var audit = await host.AuditRowsAsync();
        Assert.True(audit.Count >= 2);
        Assert.Contains(audit, r => r.TimeUtc.Ticks % 10 != 0);
        var chain = await new AuditChainVerifier(contexts, host.ChainKey, host.Witness).VerifyAsync();
        Assert.True(chain.IsIntact, chain.Problem);
        Assert.Equal(audit.Count, chain.RowsChecked);
        Assert.NotEmpty(await copy.UsedTargetTablesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_used_target_is_refused_without_overwrite_and_nothing_changes()
    {
        await using var host = await SqliteSourceAsync();
        await host.CreateUserAsync("ada@example.com", Roles.Admin);
        await using var database = await TestDatabase.CreateEmptyPostgresAsync();
        var contexts = new CopyTargetContexts(database.ConnectionString);
        await using var target = contexts.CreateDbContext();
        await target.Database.MigrateAsync();
        await database.ScalarAsync<long>("INSERT INTO \"DataProtectionKeys\" (\"FriendlyName\", \"Xml\") VALUES ('marker', '<marker/>') RETURNING 1");
        await using var scope = host.Scope();
        var copy = new DatabaseCopy(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), target);

        var refused = await Assert.ThrowsAsync<TargetNotEmptyException>(() => copy.CopyAsync(overwrite: false, null, CancellationToken.None));

        Assert.Equal("DataProtectionKeys", Assert.Single(refused.Used).Table);
        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM \"AspNetUsers\""));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM \"DataProtectionKeys\""));

        await copy.CopyAsync(overwrite: true, null, CancellationToken.None);

        Assert.Equal(0, await database.ScalarAsync<long>("SELECT COUNT(*) FROM \"DataProtectionKeys\" WHERE \"FriendlyName\" = 'marker'"));
        Assert.Equal(1, await database.ScalarAsync<long>("SELECT COUNT(*) FROM \"AspNetUsers\""));
    }

    /// <summary>The source is SQLite whatever engine the run's tests use (CRMGOV_TEST_PROVIDER).</summary>
    private static Task<CoreTestHost> SqliteSourceAsync() =>
        CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite" });
}
