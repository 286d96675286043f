using System.Data.Common;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Matching;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// Stores a scan's pairs with one reused insert command per batch and a transaction per batch: a scan of a large system finds
/// hundreds of thousands of pairs, far too many for change tracking. Auto-matches get their cluster's number.
/// </summary>
internal static class ScanPairWriter
{
    public const int BatchSize = 5_000;

    private static readonly string[] Columns = ["@scan", "@left", "@right", "@score", "@decision", "@cluster"];

    public static async Task WriteAsync(IDbContextFactory<CrmDbContext> contexts, long scanId, DuplicateScanResult result, IProgress<ScanProgress> progress,
        CancellationToken cancellationToken)
    {
        var clusterOf = ClusterNumbers(result.Clusters);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var written = 0;
        foreach (var batch in result.Pairs.Chunk(BatchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO DuplicateScanPairs (ScanId, LeftRecordId, RightRecordId, Score, Decision, Cluster)
                VALUES (@scan, @left, @right, @score, @decision, @cluster)
                """;
            var parameters = Columns.Select(name => Parameter(command, name)).ToArray();
            foreach (var pair in batch)
            {
                parameters[0].Value = scanId;
                parameters[1].Value = pair.LeftId;
                parameters[2].Value = pair.RightId;
                parameters[3].Value = pair.Probability;
                parameters[4].Value = pair.Decision.ToString();
                parameters[5].Value = pair.Decision == MatchDecision.AutoMatch && clusterOf.TryGetValue(pair.LeftId, out var cluster) ? cluster : DBNull.Value;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            written += batch.Length;
            progress.Report(new ScanProgress(ScanPhases.Saving, (double)written / result.Pairs.Count));
        }
    }

    /// <summary>Record id → 1-based cluster number; the largest clusters come first, so the result page opens on them.</summary>
    public static Dictionary<string, int> ClusterNumbers(IReadOnlyList<IReadOnlyList<string>> clusters)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordered = clusters.Where(c => c.Count > 0).OrderByDescending(c => c.Count).ThenBy(c => c.Min(StringComparer.Ordinal), StringComparer.Ordinal);
        var number = 0;
        foreach (var cluster in ordered)
        {
            number++;
            foreach (var id in cluster)
            {
                numbers[id] = number;
            }
        }
        return numbers;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
