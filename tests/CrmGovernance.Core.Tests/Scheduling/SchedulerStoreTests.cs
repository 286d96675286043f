using CrmGovernance.Core.Data;
using CrmGovernance.Core.Scheduling;

namespace CrmGovernance.Core.Tests.Scheduling;

/// <summary>Where Quartz keeps its jobs, by Database:Provider.</summary>
public sealed class SchedulerStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "crm-scheduler-store-" + Guid.NewGuid().ToString("N"));

    public SchedulerStoreTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task On_sqlite_the_store_is_a_file_of_its_own_and_not_clustered()
    {
        var store = SchedulerStore.For(new DatabaseOptions(), new SchedulerOptions { DatabasePath = "data/scheduler.db" }, _root);

        await new SchedulerStoreInitializer(store).RunAsync(CancellationToken.None);

        Assert.False(store.Clustered);
        Assert.Equal(Path.Combine(_root, "data", "scheduler.db"), store.Path);
        Assert.True(File.Exists(store.Path));
    }

    [Fact]
    public async Task On_postgres_the_store_is_a_clustered_schema_of_the_portal_database_and_no_file_is_created()
    {
        await using var database = await TestDatabase.CreateEmptyPostgresAsync();
        var store = SchedulerStore.For(new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = database.ConnectionString },
            new SchedulerOptions { DatabasePath = "data/scheduler.db", PostgresSchema = "jobs" }, _root);

        // Twice, as two nodes starting one after the other do.
        await new SchedulerStoreInitializer(store).RunAsync(CancellationToken.None);
        await new SchedulerStoreInitializer(store).RunAsync(CancellationToken.None);

        Assert.True(store.Clustered);
        Assert.Null(store.Path);
        Assert.Equal("jobs.qrtz_", store.TablePrefix);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'jobs'"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
    }
}
