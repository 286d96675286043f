using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Copy;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmGovernance.Cli.Tests;

/// <summary>
/// Reads the first rows of every table from the SQLite source (as EF Core stores each column) and from the PostgreSQL
/// copy, and compares them value by value.
/// </summary>
internal static class CopiedRows
{
    /// <summary>The differences found (empty when the copy is faithful), the store types compared (non-null values of each), and every store type of the model.</summary>
    public static async Task<(List<string> Differences, Dictionary<Type, int> Compared, int Nulls, HashSet<Type> Planned)> CompareAsync(
        string sqlitePath, string postgres, int rowsPerTable)
    {
        await using var source = new CrmDbContext(new DbContextOptionsBuilder<CrmDbContext>().UseSqlite($"Data Source={sqlitePath};Pooling=False").Options);
        var differences = new List<string>();
        var compared = new Dictionary<Type, int>();
        var nulls = 0;
        var planned = new HashSet<Type>();
        await using var sqlite = new SqliteConnection($"Data Source={sqlitePath};Mode=ReadOnly;Pooling=False");
        await sqlite.OpenAsync();
        await using var pg = new NpgsqlConnection(postgres);
        await pg.OpenAsync();
        foreach (var table in CopyPlan.For(source))
        {
            planned.UnionWith(table.Columns.Select(c => c.StoreClrType));
            var select = $"SELECT {string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))} FROM \"{table.Name}\" "
                + $"ORDER BY {string.Join(", ", table.KeyColumns.Select(k => $"\"{k}\""))} LIMIT {rowsPerTable}";
#pragma warning disable CA2100 // Names from the model.
            await using var fromSqlite = new SqliteCommand(select, sqlite);
            await using var fromPg = new NpgsqlCommand(select, pg);
#pragma warning restore CA2100
            await using var left = await fromSqlite.ExecuteReaderAsync();
            await using var right = await fromPg.ExecuteReaderAsync();
            var row = 0;
            while (await left.ReadAsync())
            {
                if (!await right.ReadAsync())
                {
                    differences.Add($"{table.Name}: row {row} is missing in the copy");
                    break;
                }
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var column = table.Columns[i];
                    if (left.IsDBNull(i) || right.IsDBNull(i))
                    {
                        nulls += left.IsDBNull(i) ? 1 : 0;
                        if (left.IsDBNull(i) != right.IsDBNull(i))
                        {
                            differences.Add($"{table.Name}.{column.Name} row {row}: null on one side only");
                        }
                        continue;
                    }
                    var expected = column.Read(left, i);
                    var actual = right.GetValue(i);
                    compared[column.StoreClrType] = compared.GetValueOrDefault(column.StoreClrType) + 1;
                    if (!Same(expected, actual))
                    {
                        differences.Add($"{table.Name}.{column.Name} row {row}: {Show(expected)} became {Show(actual)}");
                    }
                }
                row++;
            }
        }
        return (differences, compared, nulls, planned);
    }

    private static bool Same(object expected, object actual) => (expected, actual) switch
    {
        // PostgreSQL keeps microseconds; SQLite's text keeps 100 ns ticks.
        (DateTime e, DateTime a) => e.Ticks / 10 == a.Ticks / 10 && a.Kind == DateTimeKind.Utc,
        (DateTimeOffset e, DateTime a) => e.UtcTicks / 10 == a.Ticks / 10,
        // The audit log's times, kept to the tick on PostgreSQL (bigint) because the chain hashes them so.
        (DateTime e, long a) => e.Ticks == a,
        (byte[] e, byte[] a) => e.AsSpan().SequenceEqual(a),
        (bool e, bool a) => e == a,
        _ => Equals(expected, actual) || Equals(Convert.ChangeType(expected, actual.GetType(), System.Globalization.CultureInfo.InvariantCulture), actual),
    };

    private static string Show(object value) => value switch
    {
        DateTime d => d.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " " + d.Kind,
        byte[] b => Convert.ToHexString(b),
        _ => $"{value} ({value.GetType().Name})",
    };
}
