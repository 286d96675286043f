using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace CrmGovernance.Core.Data.Copy;

/// <summary>
/// Copies a SQLite portal database into a migrated PostgreSQL one: every table of the EF model in foreign-key order, with
/// binary COPY, keys as they are, in one transaction (a copy that fails leaves the target as it was), then moves the
/// identity sequences past the copied keys. Values keep their exact text, so the audit chain's hashes still verify.
/// </summary>
/// <param name="source">A context on the installation's SQLite database.</param>
/// <param name="target">A context on the PostgreSQL database, already migrated to the same schema version.</param>
public sealed class DatabaseCopy(CrmDbContext source, CrmDbContext target)
{
    /// <summary>How often (in rows) a table being copied reports its progress.</summary>
    public const int ProgressEvery = 50_000;

    /// <summary>Every table of the model, in the order they are copied.</summary>
    public IReadOnlyList<CopyTable> Tables { get; } = CopyPlan.For(source);

    /// <summary>The target's tables that hold rows besides the ones the migrations insert (empty: the target is unused).</summary>
    public async Task<IReadOnlyList<TableRows>> UsedTargetTablesAsync(CancellationToken ct)
    {
        var connection = await OpenTargetAsync(ct);
        var used = new List<TableRows>();
        foreach (var table in Tables)
        {
            var rows = await PostgresTarget.CountAsync(connection, table.Name, ct);
            if (rows > table.SeedRows)
            {
                used.Add(new TableRows(table.Name, 0, rows));
            }
        }
        return used;
    }

    /// <summary>Copies every table, each reported to <paramref name="progress"/> while it runs and when done.</summary>
    /// <param name="overwrite">Empty the target's tables even when they hold portal data; otherwise such a target is refused.</param>
    /// <exception cref="TargetNotEmptyException">The target holds portal data and <paramref name="overwrite"/> is false (nothing was changed).</exception>
    public async Task<IReadOnlyList<TableCopied>> CopyAsync(bool overwrite, IProgress<TableCopied>? progress, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(ct);
        // One read transaction: every table is read from the same snapshot (WAL), while the portal may still be running.
        await using var read = sqlite.BeginTransaction(deferred: true);
        var connection = await OpenTargetAsync(ct);
        await using var write = await connection.BeginTransactionAsync(ct);
        // Checked again inside the transaction: the answer given before it started may be stale.
        if (!overwrite && await UsedTargetTablesAsync(ct) is { Count: > 0 } used)
        {
            throw new TargetNotEmptyException(used);
        }
        var columns = await PostgresTarget.ColumnsAsync(connection, ct);
        // The seed rows too: the source has its own.
        await PostgresTarget.TruncateAsync(connection, Tables.Select(t => t.Name), ct);
        var copied = new List<TableCopied>(Tables.Count);
        foreach (var table in Tables)
        {
            copied.Add(await CopyTableAsync(sqlite, read, connection, table, TargetColumns(table, columns), progress, ct));
        }
        await PostgresTarget.ResetSequencesAsync(connection, Tables.Select(t => t.Name).ToHashSet(StringComparer.Ordinal), ct);
        await write.CommitAsync(ct);
        return copied;
    }

    /// <summary>Every table's row count in the source and in the target.</summary>
    public async Task<IReadOnlyList<TableRows>> CountsAsync(CancellationToken ct)
    {
        var connection = await OpenTargetAsync(ct);
        await source.Database.OpenConnectionAsync(ct);
        var sqlite = source.Database.GetDbConnection();
        var counts = new List<TableRows>(Tables.Count);
        foreach (var table in Tables)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {PostgresTarget.Quote(table.Name)}";
            var inSource = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            counts.Add(new TableRows(table.Name, inSource, await PostgresTarget.CountAsync(connection, table.Name, ct)));
        }
        return counts;
    }

    private async Task<NpgsqlConnection> OpenTargetAsync(CancellationToken ct)
    {
        await target.Database.OpenConnectionAsync(ct);
        return (NpgsqlConnection)target.Database.GetDbConnection();
    }

    /// <summary>How to write each of the table's columns in the target; the two schemas must agree column for column.</summary>
    private TargetColumn[] TargetColumns(CopyTable table, Dictionary<string, Dictionary<string, string>> schema)
    {
        if (!schema.TryGetValue(table.Name, out var columns))
        {
            throw new InvalidOperationException($"The target has no table {table.Name}: it is not migrated to this version's schema.");
        }
        var extra = columns.Keys.Except(table.Columns.Select(c => c.Name)).ToList();
        var missing = table.Columns.Select(c => c.Name).Except(columns.Keys).ToList();
        if (missing.Count > 0 || extra.Count > 0)
        {
            throw new InvalidOperationException($"The table {table.Name} differs between the source and the target (only in the source: "
                + $"{string.Join(", ", missing)}; only in the target: {string.Join(", ", extra)}): migrate both to this version first.");
        }
        var sourceTable = source.GetService<IDesignTimeModel>().Model.GetRelationalModel().FindTable(table.Name, null)!;
        var targetTable = target.GetService<IDesignTimeModel>().Model.GetRelationalModel().FindTable(table.Name, null);
        return [.. table.Columns.Select(c => new TargetColumn(PostgresColumnType.For(table.Name, c.Name, columns[c.Name]),
            sourceTable.FindColumn(c.Name)?.PropertyMappings[0].TypeMapping.Converter,
            targetTable?.FindColumn(c.Name)?.PropertyMappings[0].TypeMapping.Converter))];
    }

    private static async Task<TableCopied> CopyTableAsync(SqliteConnection sqlite, SqliteTransaction read, NpgsqlConnection connection,
        CopyTable table, TargetColumn[] types, IProgress<TableCopied>? progress, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var names = string.Join(", ", table.Columns.Select(c => PostgresTarget.Quote(c.Name)));
        long total;
        await using (var count = sqlite.CreateCommand())
        {
            count.Transaction = read;
            count.CommandText = $"SELECT COUNT(*) FROM {PostgresTarget.Quote(table.Name)}";
            total = (long)(await count.ExecuteScalarAsync(ct))!;
        }
        progress?.Report(new TableCopied(table.Name, 0, total, TimeSpan.Zero, false));
        await using var select = sqlite.CreateCommand();
        select.Transaction = read;
        // Key order: rows that refer to rows of their own table come after them, and two runs copy alike.
        var order = table.KeyColumns.Count > 0 ? " ORDER BY " + string.Join(", ", table.KeyColumns.Select(PostgresTarget.Quote)) : "";
        select.CommandText = $"SELECT {names} FROM {PostgresTarget.Quote(table.Name)}{order}";
        await using var reader = select.ExecuteReader();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {PostgresTarget.Quote(table.Name)} ({names}) FROM STDIN (FORMAT BINARY)", ct);
        long rows = 0;
        // Synchronous inside the loop: both drivers complete these calls without waiting almost always, and the async
        // path costs a state machine per value.
        while (reader.Read())
        {
            importer.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                if (reader.IsDBNull(i))
                {
                    importer.WriteNull();
                }
                else
                {
                    types[i].Type.Write(importer, types[i].Convert(table.Columns[i].Read(reader, i)));
                }
            }
            if (++rows % ProgressEvery == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Report(new TableCopied(table.Name, rows, total, clock.Elapsed, false));
            }
        }
        await importer.CompleteAsync(ct);
        var done = new TableCopied(table.Name, rows, total, clock.Elapsed, true);
        progress?.Report(done);
        return done;
    }
}
