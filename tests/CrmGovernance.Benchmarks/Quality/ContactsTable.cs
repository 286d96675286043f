using System.Globalization;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// The assessed system's <c>contacts</c> table in a SQLite file: an id key, <c>updated_at</c> (ISO 8601 UTC text, skewed
/// towards recent, over the last four years, so about a third is older than two years) and the catalog's columns, all
/// text. Seeded and deterministic for a given day. The index on (updated_at, id) is the one a system that serves changes
/// by update time has, and the one the connector's paged read uses.
/// </summary>
internal static class ContactsTable
{
    public const string Table = "contacts";
    public const string UpdatedColumn = "updated_at";
    private const int Days = 4 * 365;

    /// <summary>Creates the table and fills it in one transaction with a prepared insert.</summary>
    public static void Create(string path, IReadOnlyList<QualityColumn> columns, int records, int seed, DateTime anchor)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        var names = columns.Select(c => Quote(c.Name)).ToList();
        Execute(connection, $"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536;"
            + $"CREATE TABLE {Table} (id TEXT PRIMARY KEY, {UpdatedColumn} TEXT NOT NULL, {string.Join(", ", names.Select(n => n + " TEXT"))});");
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
#pragma warning disable CA2100 // The benchmark's own column names.
            insert.CommandText = $"INSERT INTO {Table} VALUES ({string.Join(", ", Enumerable.Range(0, columns.Count + 2).Select(i => "$p" + i.ToString(CultureInfo.InvariantCulture)))})";
#pragma warning restore CA2100
            var parameters = Enumerable.Range(0, columns.Count + 2)
                .Select(i => insert.Parameters.Add("$p" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
            insert.Prepare();
            var random = new Random(seed);
            var row = new ContactRow();
            for (var i = 0; i < records; i++)
            {
                row.Next(random, i);
                parameters[0].Value = row.Id;
                parameters[1].Value = Updated(random, anchor);
                for (var k = 0; k < columns.Count; k++)
                {
                    parameters[k + 2].Value = (object?)columns[k].Value(random, row) ?? DBNull.Value;
                }
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
        Execute(connection, $"CREATE INDEX {Table}_changes ON {Table} ({UpdatedColumn}, id);");
    }

    /// <summary>A last update within four years before the anchor, the recent ones more often (age = 4 years × u^1.5).</summary>
    private static string Updated(Random random, DateTime anchor)
    {
        var age = Days * 86_400.0 * Math.Pow(random.NextDouble(), 1.5);
        return anchor.AddSeconds(-Math.Floor(age)).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
#pragma warning disable CA2100
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
