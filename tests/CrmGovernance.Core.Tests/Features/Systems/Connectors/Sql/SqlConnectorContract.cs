using CrmGovernance.Core.Features.Systems.Connectors;
using static CrmGovernance.Core.Tests.Features.Systems.Connectors.Records;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors.Sql;

/// <summary>
/// What a "sql" connector does on any database it supports. A subclass brings the database (a SQLite file, a
/// PostgreSQL schema), creates <see cref="Schema"/> in it and says how the connector reaches it.
/// </summary>
public abstract class SqlConnectorContract : IAsyncLifetime
{
    internal ConnectorTestHost Host { get; } = ConnectorTestHost.Start();

    /// <summary>Column type for timestamps ("TEXT" in SQLite, timestamptz in PostgreSQL).</summary>
    protected abstract string TimestampType { get; }

    protected string Schema => $"""
        CREATE TABLE contacts (
            id TEXT PRIMARY KEY, email TEXT NOT NULL, name TEXT, score INTEGER CHECK (score >= 0),
            created_at {TimestampType}, updated_at {TimestampType});
        CREATE TABLE activities (
            id TEXT PRIMARY KEY, object TEXT NOT NULL, record_id TEXT NOT NULL, kind TEXT NOT NULL,
            occurred_at {TimestampType} NOT NULL, details TEXT);
        """;

    public abstract Task InitializeAsync();

    public virtual async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Settings and secrets that reach the test database.</summary>
    protected abstract (Dictionary<string, string> Settings, Dictionary<string, string> Secrets) Connection();

    /// <summary>Settings and secrets of a database that cannot be reached.</summary>
    protected abstract (Dictionary<string, string> Settings, Dictionary<string, string> Secrets) Unreachable();

    /// <summary>How many rows the table holds, counted on a connection of the test's own.</summary>
    protected abstract Task<long> CountAsync(string table);

    internal ISyncConnector Open(params (string Name, string Value)[] extra)
    {
        var (settings, secrets) = Connection();
        settings["contact.created"] = "created_at";
        foreach (var (name, value) in extra)
        {
            settings[name] = value;
        }
        return Host.Open("db", "sql", settings, secrets);
    }

    internal static async Task WriteAsync(ISyncConnector connector, params RecordWrite[] writes) =>
        Assert.All(await connector.WriteBatchAsync("contact", writes, CancellationToken.None), r => Assert.Null(r.Error));

    private static RecordWrite Contact(int i, string updated) =>
        New($"c{i:D4}", ("email", $"c{i}@example.test"), ("name", $"Contact {i}"), ("score", "1"), ("updated_at", updated));

    [Fact]
    public async Task Reads_changes_after_the_cursor_in_updated_order_with_the_key_breaking_ties()
    {
        await using var connector = Open();
        await WriteAsync(connector,
            New("b1", ("email", "b1@x.test"), ("updated_at", "2026-01-01T00:00:02.0000000Z")),
            New("a3", ("email", "a3@x.test"), ("updated_at", "2026-01-01T00:00:01.0000000Z")),
            New("a1", ("email", "a1@x.test"), ("updated_at", "2026-01-01T00:00:01.0000000Z"), ("created_at", "2025-12-31T08:00:00.0000000Z")),
            New("c1", ("email", "c1@x.test"), ("updated_at", "2026-01-01T00:00:00.0000000Z")),
            New("a2", ("email", "a2@x.test"), ("updated_at", "2026-01-01T00:00:01.0000000Z")),
            New("b2", ("email", "b2@x.test"), ("updated_at", "2026-01-01T00:00:02.0000000Z")));

        var (records, pages, cursor) = await ReadAllAsync(connector, "contact", null, 2);

        Assert.Equal(["c1", "a1", "a2", "a3", "b1", "b2"], records.Select(r => r.Id));
        Assert.Equal([2, 2, 2, 0], pages);
        Assert.Equal("a1@x.test", records[1].Fields["email"]);
        Assert.Equal(new DateTime(2025, 12, 31, 8, 0, 0, DateTimeKind.Utc), records[1].CreatedUtc);

        await WriteAsync(connector, Update("a2", ("name", "changed")));
        var changed = await connector.ReadChangesAsync("contact", cursor, 10, CancellationToken.None);
        Assert.Equal(["a2"], changed.Records.Select(r => r.Id));
    }

    [Fact]
    public async Task Paging_through_2500_rows_in_batches_of_1000_returns_each_row_once()
    {
        await using var connector = Open();
        // Seven rows share each updated value, so page boundaries fall inside ties.
        var writes = Enumerable.Range(0, 2500).Select(i => Contact(i, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddSeconds(i / 7).ToString("o"))).ToList();
        foreach (var batch in writes.Chunk(1000))
        {
            await WriteAsync(connector, batch);
        }

        var (records, pages, _) = await ReadAllAsync(connector, "contact", null, 1000);

        Assert.Equal([1000, 1000, 500, 0], pages);
        Assert.Equal(writes.Select(w => w.Id).Order(StringComparer.Ordinal), records.Select(r => r.Id));
    }

    [Fact]
    public async Task Writing_the_same_batch_twice_leaves_one_row_per_id()
    {
        await using var connector = Open();
        var batch = Enumerable.Range(0, 300).Select(i => Contact(i, "2026-01-01T00:00:00.0000000Z")).ToArray();

        await WriteAsync(connector, batch);
        await WriteAsync(connector, batch);

        Assert.Equal(300, await CountAsync("contacts"));
        var found = await connector.LookupAsync("contact", null, ["c0042"], CancellationToken.None);
        Assert.Equal("c42@example.test", Assert.Single(found).Fields["email"]);
    }

    [Fact]
    public async Task A_partial_update_changes_only_the_given_columns_and_stamps_updated()
    {
        await using var connector = Open();
        await WriteAsync(connector, Contact(1, "2020-01-01T00:00:00.0000000Z"));

        await WriteAsync(connector, Update("c0001", ("name", "Renamed")));

        var row = Assert.Single(await connector.LookupAsync("contact", null, ["c0001"], CancellationToken.None));
        Assert.Equal("Renamed", row.Fields["name"]);
        Assert.Equal("c1@example.test", row.Fields["email"]);
        Assert.Equal("1", row.Fields["score"]);
        Assert.True(DateTime.Parse(row.Fields["updated_at"]!, System.Globalization.CultureInfo.InvariantCulture).Year >= 2026, "The connector sets updated_at to now.");
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_alone_and_the_others_are_written()
    {
        await using var connector = Open();

        var results = await connector.WriteBatchAsync("contact", [
            Contact(1, "2026-01-01T00:00:00Z"),
            New("no-email", ("name", "Missing email")),
            Contact(2, "2026-01-01T00:00:00Z"),
            New("negative", ("email", "n@x.test"), ("score", "-5")),
            Contact(3, "2026-01-01T00:00:00Z"),
        ], CancellationToken.None);

        Assert.Equal(["c0001", "no-email", "c0002", "negative", "c0003"], results.Select(r => r.Id));
        Assert.Equal([true, false, true, false, true], results.Select(r => r.Succeeded));
        Assert.Contains("email", results[1].Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("check", results[3].Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(3, await CountAsync("contacts"));
    }

    [Fact]
    public async Task Lookup_finds_records_by_key_and_by_field_with_more_than_500_values()
    {
        await using var connector = Open();
        await WriteAsync(connector, Enumerable.Range(0, 1200).Select(i => Contact(i, "2026-01-01T00:00:00Z")).ToArray());

        var ids = Enumerable.Range(100, 1050).Select(i => $"c{i:D4}").Concat(Enumerable.Range(0, 50).Select(i => $"missing{i}")).ToList();
        var byId = await connector.LookupAsync("contact", null, ids, CancellationToken.None);
        var byEmail = await connector.LookupAsync("contact", "email", Enumerable.Range(0, 600).Select(i => $"c{i}@example.test").ToList(), CancellationToken.None);

        Assert.Equal(ids.Take(1050).Order(StringComparer.Ordinal), byId.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Equal(600, byEmail.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public async Task An_unknown_table_or_column_is_a_clear_configuration_error()
    {
        await using var connector = Open(("ghost.table", "ghosts"));

        var table = await Assert.ThrowsAsync<InvalidOperationException>(() => connector.ReadChangesAsync("ghost", null, 10, CancellationToken.None));
        var lookup = await Assert.ThrowsAsync<InvalidOperationException>(() => connector.LookupAsync("contact", "phone", ["1"], CancellationToken.None));
        var write = await Assert.ThrowsAsync<InvalidOperationException>(() => connector.WriteBatchAsync("contact", [New("x", ("email", "x@x.test"), ("nickname\"; DROP TABLE contacts; --", "y"))], CancellationToken.None));

        Assert.Contains("no table 'ghosts'", table.Message, StringComparison.Ordinal);
        Assert.Contains("no column 'phone'", lookup.Message, StringComparison.Ordinal);
        Assert.Contains("has no column 'nickname", write.Message, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("contacts"));
    }

    [Fact]
    public async Task Activities_are_appended_once_by_id()
    {
        await using var connector = Open();
        ActivityWrite[] activities = [
            new("act-1", "contact", "c0001", "form", new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc), """{"form":"demo"}"""),
            new("act-2", "contact", "c0001", "form", new DateTime(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc), """{"form":"trial"}"""),
        ];

        var first = await connector.AppendActivitiesAsync(activities, CancellationToken.None);
        var again = await connector.AppendActivitiesAsync(activities, CancellationToken.None);

        Assert.All(first.Concat(again), r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(2, await CountAsync("activities"));
        Assert.All(first, r => Assert.False(r.AlreadyRecorded));
        Assert.Equal(["act-1", "act-2"], again.Where(r => r.AlreadyRecorded).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Health_names_the_configured_tables_that_are_missing()
    {
        await using var healthy = Open(("contact.table", "contacts"));
        await using var missing = Open(("contact.table", "contacts"), ("order.table", "orders"));

        Assert.True((await healthy.CheckHealthAsync(CancellationToken.None)).Healthy);
        var health = await missing.CheckHealthAsync(CancellationToken.None);
        Assert.False(health.Healthy);
        Assert.Contains("orders", health.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deletes_records_by_id_and_a_record_already_gone_counts_as_deleted()
    {
        await using var connector = Open();
        await WriteAsync(connector, Contact(1, "2026-01-01T00:00:00.0000000Z"), Contact(2, "2026-01-01T00:00:00.0000000Z"), Contact(3, "2026-01-01T00:00:00.0000000Z"));

        var results = await connector.DeleteBatchAsync("contact", ["c0001", "c0003", "no-such-id"], CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        Assert.Equal(["c0002"], (await connector.LookupAsync("contact", null, ["c0001", "c0002", "c0003"], CancellationToken.None)).Select(r => r.Id));
        Assert.Equal(1, await CountAsync("contacts"));
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_as_system_unavailable()
    {
        var (settings, secrets) = Unreachable();
        await using var connector = Host.Open("down", "sql", settings, secrets);

        await Assert.ThrowsAsync<SystemUnavailableException>(() => connector.ReadChangesAsync("contact", null, 10, CancellationToken.None));
        Assert.False((await connector.CheckHealthAsync(CancellationToken.None)).Healthy);
    }
}
