using Npgsql;

namespace CrmGovernance.Core.Data.Copy;

/// <summary>What the copy asks of the PostgreSQL target beyond COPY itself: its columns, counts, emptying, sequences.</summary>
internal static class PostgresTarget
{
    /// <summary>Tables outside the EF model that the migrations fill from a model table by trigger (the audit log's full-text index).</summary>
    public static readonly IReadOnlyList<string> DerivedTables = ["AuditSearch"];

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

    /// <summary>
    /// Empties every copied table in one statement, inside the copy's transaction (a failed copy leaves them as they were).
    /// The append-only tables refuse TRUNCATE by a trigger: it is switched off for this statement only, and the tables the
    /// database derives from copied ones (<see cref="DerivedTables"/>, which the copy refills through their triggers) are emptied with them.
    /// </summary>
    public static async Task TruncateAsync(NpgsqlConnection connection, IEnumerable<string> tables, CancellationToken ct)
    {
        var guards = new List<(string Table, string Trigger)>();
        await using (var command = new NpgsqlCommand("""
            SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE NOT t.tgisinternal AND (t.tgtype & 32) <> 0 AND n.nspname = current_schema()
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                guards.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var derived = new List<string>();
        foreach (var table in DerivedTables)
        {
            await using var exists = new NpgsqlCommand("SELECT to_regclass(@name) IS NOT NULL", connection);
            exists.Parameters.AddWithValue("name", Quote(table));
            if ((bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                derived.Add(table);
            }
        }
        var sql = string.Concat(guards.Select(g => $"ALTER TABLE {Quote(g.Table)} DISABLE TRIGGER {Quote(g.Trigger)}; "))
            + $"TRUNCATE TABLE {string.Join(", ", tables.Concat(derived).Select(Quote))} RESTART IDENTITY; "
            + string.Concat(guards.Select(g => $"ALTER TABLE {Quote(g.Table)} ENABLE TRIGGER {Quote(g.Trigger)}; "));
        await using var truncate = new NpgsqlCommand(sql, connection);
        await truncate.ExecuteNonQueryAsync(ct);
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
