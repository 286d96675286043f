using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>Creates and reads the plain SQLite tables that stand for a source or target system in the sync tests.</summary>
internal static class SqliteTables
{
    public static async Task ExecuteAsync(string path, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Test fixtures' own statements.
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<Dictionary<string, string?>>> RowsAsync(string path, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync())
        {
            var row = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>A source table of people with an updated-at column, and inserts into it.</summary>
    public static Task CreatePeopleAsync(string path) => ExecuteAsync(path, """
        CREATE TABLE people (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, phone TEXT, created_at TEXT, updated_at TEXT NOT NULL);
        """);

    public static Task AddPersonAsync(string path, string id, string? email, string? first, string? last, string? phone, DateTime updated) =>
        ExecuteAsync(path, "INSERT OR REPLACE INTO people (id, email, first_name, last_name, phone, created_at, updated_at) VALUES (@id, @e, @f, @l, @p, @c, @u)",
            ("@id", id), ("@e", email), ("@f", first), ("@l", last), ("@p", phone), ("@c", updated.ToString("o", CultureInfo.InvariantCulture)),
            ("@u", updated.ToString("o", CultureInfo.InvariantCulture)));

    /// <summary>A CRM contacts table (last_name NOT NULL stands for a target's own constraint) and its activities.</summary>
    public static Task CreateCrmAsync(string path) => ExecuteAsync(path, """
        CREATE TABLE contacts (id TEXT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, phone TEXT, lifecycle_stage TEXT,
            customer_status TEXT, updated_at TEXT, CHECK (length(coalesce(first_name, '')) < 40));
        CREATE TABLE activities (id TEXT PRIMARY KEY, object TEXT, record_id TEXT, kind TEXT, occurred_at TEXT, details TEXT);
        """);
}
