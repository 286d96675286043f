using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.Data.Sqlite;
using static CrmGovernance.Core.Tests.Features.Systems.Connectors.Records;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Sql;

/// <summary>The "sql" connector on a SQLite file in the portal's data folder, named by a relative path.</summary>
public sealed class SqliteConnectorTests : SqlConnectorContract
{
    private string DatabasePath => Host.PathOf("source.db");

    protected override string TimestampType => "TEXT";

    public override async Task InitializeAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = Schema;
        await command.ExecuteNonQueryAsync();
    }

    protected override (Dictionary<string, string> Settings, Dictionary<string, string> Secrets) Connection() =>
        (new() { ["database"] = "source.db" }, []);

    protected override (Dictionary<string, string> Settings, Dictionary<string, string> Secrets) Unreachable() =>
        (new() { ["provider"] = "sqlite", ["database"] = "no-such-folder/missing.db" }, []);

    protected override async Task<long> CountAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = table == "activities" ? "SELECT COUNT(*) FROM activities" : "SELECT COUNT(*) FROM contacts";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task The_database_is_switched_to_WAL()
    {
        await using (var connector = Open())
        {
            await connector.LookupAsync("contact", null, ["x"], CancellationToken.None);
        }

        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_database_locked_by_another_writer_past_the_busy_timeout_is_system_unavailable()
    {
        await using var connector = Open();
        await connector.LookupAsync("contact", null, ["x"], CancellationToken.None);
        await using var other = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await other.OpenAsync();
        await using var transaction = await other.BeginTransactionAsync();
        await using (var hold = other.CreateCommand())
        {
            hold.Transaction = (SqliteTransaction)transaction;
            hold.CommandText = "INSERT INTO contacts (id, email) VALUES ('holder', 'h@x.test')";
            await hold.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<SystemUnavailableException>(() =>
            connector.WriteBatchAsync("contact", [New("c1", ("email", "c1@x.test"))], CancellationToken.None));

        Assert.Contains("locked", error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
