using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Data;

public sealed class SqliteEngineTests
{
    [SqliteOnlyFact]
    public async Task The_bundled_sqlite_is_newer_than_the_wal_reset_bug_range()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmGovernance.Core.Data.CrmDbContext>();
        var version = await db.Database.SqlQueryRaw<string>("SELECT sqlite_version() AS Value").SingleAsync();

        // SQLite 3.7.0 to 3.51.2 can corrupt a WAL database on a rare reset race; SQLitePCLRaw 3.0.5 brings 3.53.x.
        Assert.True(Version.Parse(version) >= new Version(3, 51, 3), $"SQLite {version} is inside the WAL-reset bug range.");
    }
}
