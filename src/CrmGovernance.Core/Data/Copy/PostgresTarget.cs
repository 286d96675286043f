using Npgsql;

namespace CrmGovernance.Core.Data.Copy;

/// <summary>What the copy asks of the PostgreSQL target beyond COPY itself: its columns, counts, emptying, sequences.</summary>
internal static class PostgresTarget
{
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// Each table's writable columns and their type names (udt_name), as the migrations created them. Generated columns and
    /// full-text vectors are left out: the database computes those.
    /// </summary>
    public static async Task<Dictionary<string, Dictionary<string, string>>> ColumnsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT table_name, column_name, udt_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND is_generated = 'NEVER' AND udt_name <> 'tsvector'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            var table = reader.GetString(0);
            if (!tables.TryGetValue(table, out var columns))
            {
                tables[table] = columns = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            columns[reader.GetString(1)] = reader.GetString(2);
        }
        return tables;
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT COUNT(*) FROM {Quote(table)}", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Empties every copied table in one statement (inside the copy's transaction, so a failed copy leaves them as they were).</summary>
    public static async Task TruncateAsync(NpgsqlConnection connection, IEnumerable<string> tables, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"TRUNCATE TABLE {string.Join(", ", tables.Select(Quote))} RESTART IDENTITY", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Moves every identity or serial sequence of the copied tables past the highest copied key, so the next row the portal
    /// inserts does not collide with a copied one.
    /// </summary>
    public static async Task<int> ResetSequencesAsync(NpgsqlConnection connection, IReadOnlySet<string> tables, CancellationToken ct)
    {
        var keyed = new List<(string Table, string Column)>();
        await using (var command = new NpgsqlCommand("""
            SELECT table_name, column_name FROM information_schema.columns
            WHERE table_schema = current_schema() AND (is_identity = 'YES' OR column_default LIKE 'nextval(%')
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (tables.Contains(reader.GetString(0)))
                {
                    keyed.Add((reader.GetString(0), reader.GetString(1)));
                }
            }
        }
        foreach (var (table, column) in keyed)
        {
            await using var setval = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), COALESCE(MAX({Quote(column)}), 0) + 1, false) FROM {Quote(table)}", connection);
            setval.Parameters.AddWithValue("table", Quote(table));
            setval.Parameters.AddWithValue("column", column);
            await setval.ExecuteScalarAsync(ct);
        }
        return keyed.Count;
    }
}
