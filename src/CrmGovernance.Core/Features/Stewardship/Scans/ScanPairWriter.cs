using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Matching;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// Stores a scan's pairs (the dialect's insert: Data/Dialects) with one reused insert command per batch and a transaction per batch: a scan of a large system finds
/// hundreds of thousands of pairs, far too many for change tracking. Auto-matches get their cluster's number.
/// </summary>
internal static class ScanPairWriter
{
    public const int BatchSize = 5_000;

    public static async Task WriteAsync(IDbContextFactory<CrmDbContext> contexts, long scanId, DuplicateScanResult result, IProgress<ScanProgress> progress,
        CancellationToken cancellationToken)
    {
        var clusterOf = ClusterNumbers(result.Clusters);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dialect = db.Database.Dialect();
        var written = 0;
        foreach (var batch in result.Pairs.Chunk(BatchSize))
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var command = PortalCommand.Create(dialect, connection, transaction, dialect.ScanPairs.Insert, prepare: false);
            foreach (var pair in batch)
            {
                int? cluster = pair.Decision == MatchDecision.AutoMatch && clusterOf.TryGetValue(pair.LeftId, out var number) ? number : null;
                await command.ExecuteAsync(cancellationToken, scanId, pair.LeftId, pair.RightId, pair.Probability, pair.Decision.ToString(), cluster);
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
}
