using Microsoft.Extensions.Hosting;

namespace CrmGovernance.Core.Tests.Data;

/// <summary>A node never runs on a database that a newer build has migrated (several nodes mid-upgrade, a rolled-back deploy).</summary>
public sealed class SchemaVersionTests
{
    [Fact]
    public async Task A_database_migrated_by_a_newer_version_is_refused_at_start_with_what_to_do()
    {
        await using var host = await CoreTestHost.StartAsync();
        await host.ExecuteRawAsync("""INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion") VALUES ('29991231000000_FromTheFuture', '99.0.0')""");

        var initializer = host.Singleton<IEnumerable<IHostedService>>().Single(s => s.GetType().Name == "DatabaseInitializer");
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.StartAsync(CancellationToken.None));

        Assert.Contains("29991231000000_FromTheFuture", refused.Message, StringComparison.Ordinal);
        Assert.Contains("newer version", refused.Message, StringComparison.Ordinal);
    }
}
