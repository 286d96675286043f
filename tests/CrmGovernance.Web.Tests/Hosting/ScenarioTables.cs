using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>The SQLite tables of a <see cref="FailoverScenario"/>: people in each source, contacts in each CRM.</summary>
internal static class ScenarioTables
{
    private static readonly DateTime Start = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Both files of a flow, in WAL mode so the test adds people while a node reads them.</summary>
    public static async Task CreateAsync(ScenarioFlow flow)
    {
        await ExecuteAsync(flow.SourcePath, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE people (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, updated_at TEXT NOT NULL);
            """);
        await ExecuteAsync(flow.CrmPath, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, updated_at TEXT);
            """);
    }

    /// <summary>
    /// People <paramref name="from"/> to <paramref name="from"/> + <paramref name="count"/> - 1 in one transaction, each
    /// updated a second after the one before, so a flow reads them in this order.
    /// </summary>
    public static async Task AddPeopleAsync(ScenarioFlow flow, int from, int count)
    {
        await using var connection = await OpenAsync(flow.SourcePath);
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO people (id, email, first_name, last_name, updated_at) VALUES ($id, $e, $f, $l, $u)";
        var parameters = new[] { "$id", "$e", "$f", "$l", "$u" }.Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
        for (var i = from; i < from + count; i++)
        {
            var c = CultureInfo.InvariantCulture;
            parameters[0].Value = string.Create(c, $"p{i:D6}");
            parameters[1].Value = string.Create(c, $" Person.{i}@Example.COM");
            parameters[2].Value = string.Create(c, $"First{i}");
            parameters[3].Value = string.Create(c, $"Last{i}");
            parameters[4].Value = Start.AddSeconds(i).ToString("o", c);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }

    /// <summary>What the flow's mappings make of each source person, by source id: (email, first name, last name).</summary>
    public static async Task<Dictionary<string, (string?, string?, string?)>> ExpectedAsync(ScenarioFlow flow) =>
        (await RowsAsync(flow.SourcePath, "SELECT id, email, first_name, last_name FROM people"))
        .ToDictionary(r => r[0]!, r => (r[1]?.Trim().ToLowerInvariant(), r[2], r[3]), StringComparer.Ordinal);

    /// <summary>The CRM's contacts by id: (email, first name, last name).</summary>
    public static async Task<List<(string Id, (string?, string?, string?) Values)>> ContactsAsync(ScenarioFlow flow) =>
        [.. (await RowsAsync(flow.CrmPath, "SELECT id, email, first_name, last_name FROM contacts")).Select(r => (r[0]!, (r[1], r[2], r[3])))];

    public static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own table names.
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string?[]>> RowsAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? null : reader.GetString(i))]);
        }
        return rows;
    }

    private static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = await OpenAsync(path);
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    // No pooling: the nodes own these files between the test's reads, and the test's folder is deleted at the end.
    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False;Default Timeout=30");
        await connection.OpenAsync();
        return connection;
    }
}
