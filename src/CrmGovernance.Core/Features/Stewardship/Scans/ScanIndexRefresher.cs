using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Matching;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// Writes what a scan read into the stored match index of a system's object that flows write to, so the worker matches
/// incoming records against the system as it is now, records created there directly included. Nothing is removed: a
/// record missing from the read may have been written by the worker meanwhile.
/// </summary>
internal static class ScanIndexRefresher
{
    public const int ChunkSize = 5_000;

    public static bool Applies(GovernanceConfiguration configuration, DuplicateScanPlan plan) =>
        configuration.Flows.Any(f => f.TargetSystemId == plan.System.Id && f.ObjectId == plan.BusinessObject.Id);

    /// <param name="readFrom">When the scan began reading: entries written since are newer than what it read, and stay.</param>
    public static async Task RefreshAsync(IDbContextFactory<CrmDbContext> contexts, MatchIndexStore store, DuplicateScanPlan plan, DateTime readFrom,
        IReadOnlyList<MatchRecord> records, IProgress<ScanProgress> progress, CancellationToken cancellationToken)
    {
        HashSet<string> newer;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            newer = [.. await db.MatchIndexEntries.Where(e => e.SystemId == plan.System.Id && e.ObjectId == plan.BusinessObject.Id && e.UpdatedUtc >= readFrom)
                .Select(e => e.RecordId).ToListAsync(cancellationToken)];
        }
        var done = 0;
        foreach (var chunk in records.Where(r => !newer.Contains(r.Id)).Chunk(ChunkSize))
        {
            await store.UpsertAsync(plan.System.Id, plan.BusinessObject.Id, chunk, cancellationToken);
            done += chunk.Length;
            progress.Report(new ScanProgress(ScanPhases.Indexing, (double)done / records.Count));
        }
    }
}
