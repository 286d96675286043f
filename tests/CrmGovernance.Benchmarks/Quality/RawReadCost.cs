using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Quality.Assessments;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// Where the connector's read time goes: the table read with Microsoft.Data.Sqlite alone (each row's values fetched,
/// no records built): with the connector's paged query (update time order, keyset pages sized as the assessment reader
/// asks) fetched as the connector does (GetValues) and column by column as text; and in storage order (one statement, no
/// ORDER BY). Same cache and mmap pragmas as the connector's connection.
/// </summary>
internal static class RawReadCost
{
    public static IEnumerable<string> Measure(string path, int columns, TimeSpan connectorRead)
    {
        var c = CultureInfo.InvariantCulture;
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;";
            pragma.ExecuteNonQuery();
        }
        var paged = Stopwatch.StartNew();
        var rows = Paged(connection, columns, strings: false);
        paged.Stop();
        var pagedStrings = Stopwatch.StartNew();
        Paged(connection, columns, strings: true);
        pagedStrings.Stop();
        var scan = Stopwatch.StartNew();
        var scanned = Read($"SELECT * FROM {ContactsTable.Table}", connection, columns, null, null, strings: false, out _, out _);
        scan.Stop();
        yield return string.Create(c,
            $"read alone (Microsoft.Data.Sqlite, no records built), {rows:N0} rows: paged in update time order {paged.Elapsed.TotalSeconds:F1} s with GetValues as the connector reads, "
            + $"{pagedStrings.Elapsed.TotalSeconds:F1} s with IsDBNull/GetString per column; storage order (one SELECT, GetValues) {scan.Elapsed.TotalSeconds:F1} s ({scanned:N0} rows)");
        yield return string.Create(c, $"  the connector's records on top of its paged read (dictionaries, update times): {(connectorRead - paged.Elapsed).TotalSeconds:F1} s");
    }

    private static long Paged(SqliteConnection connection, int columns, bool strings)
    {
        var size = AssessmentReader.FirstPageSize;
        string? after = null, afterKey = null;
        long total = 0;
        while (true)
        {
            var where = after is null ? "updated_at IS NOT NULL" : "updated_at >= $a AND (updated_at > $a OR id > $k)";
            var count = Read($"SELECT * FROM {ContactsTable.Table} WHERE {where} ORDER BY updated_at, id LIMIT {size}", connection, columns, after, afterKey, strings, out after, out afterKey);
            if (count == 0)
            {
                return total;
            }
            total += count;
            size = Math.Min(AssessmentReader.PageSize, size * 2);
        }
    }

    private static long Read(string sql, SqliteConnection connection, int columns, string? after, string? afterKey, bool strings,
        out string? lastUpdated, out string? lastKey)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The benchmark's own statements.
        command.CommandText = sql;
#pragma warning restore CA2100
        if (after is not null)
        {
            command.Parameters.AddWithValue("$a", after);
            command.Parameters.AddWithValue("$k", afterKey);
        }
        using var reader = command.ExecuteReader();
        var values = new object[columns + 2];
        long count = 0;
        (lastUpdated, lastKey) = (after, afterKey);
        while (reader.Read())
        {
            if (strings)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? DBNull.Value : reader.GetString(i);
                }
            }
            else
            {
                reader.GetValues(values);
            }
            count++;
            (lastKey, lastUpdated) = ((string)values[0], (string)values[1]);
        }
        return count;
    }
}
