using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// Sends a completed scan's pairs to the review queue: review-band pairs and auto-matches alike, since a scan never
/// merges by itself. Each pair is scored again on the records as they are now, with the scan's rule, so the steward
/// sees the per-comparison explanation; a pair whose record is gone or no longer scores as a candidate is left out.
/// </summary>
public sealed class DuplicateScanFeeder(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, PublishedConfiguration published,
    IConnectorFactory connectors, ReviewQueueWriter writer)
{
    public const int ChunkSize = 500;

    /// <exception cref="InvalidOperationException">The scan does not exist or has not completed, or its system cannot be read (the message says which).</exception>
    /// <exception cref="SystemUnavailableException">The system cannot be reached now.</exception>
    public async Task<ScanFeedResult> FeedAsync(long scanId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.RunDuplicateScans);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scan = await db.DuplicateScans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scanId, cancellationToken)
            ?? throw new InvalidOperationException($"There is no scan #{scanId}.");
        if (scan.Status != ScanStatus.Completed)
        {
            throw new InvalidOperationException("Only a completed scan can feed the review queue.");
        }
        var snapshot = await published.VersionAsync(scan.ConfigurationVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Configuration version {scan.ConfigurationVersion} no longer exists.");
        var (plan, problem) = DuplicateScanPlan.For(snapshot.Configuration, scan.SystemId, scan.ObjectId);
        if (plan is null)
        {
            throw new InvalidOperationException(problem);
        }
        var model = MatchModel.Compile(plan.Rule);
        var (filed, known, outdated) = (0, 0, 0);
        await using (var connector = connectors.Open(plan.System))
        {
            long after = 0;
            while (await db.DuplicateScanPairs.AsNoTracking().Where(p => p.ScanId == scanId && p.Id > after).OrderBy(p => p.Id).Take(ChunkSize)
                       .ToListAsync(cancellationToken) is { Count: > 0 } pairs)
            {
                after = pairs[^1].Id;
                var candidates = await CandidatesAsync(connector, plan, model, scan, pairs, cancellationToken);
                var created = await writer.AddAsync(candidates, cancellationToken);
                (filed, known, outdated) = (filed + created, known + candidates.Count - created, outdated + pairs.Count - candidates.Count);
            }
        }
        if (filed > 0)
        {
            await db.DuplicateScans.Where(s => s.Id == scanId).ExecuteUpdateAsync(s => s.SetProperty(x => x.FedToReview, x => x.FedToReview + filed), cancellationToken);
        }
        await audit.RecordAsync(AuditActions.DuplicateScanFedToReview, DuplicateScanService.AuditEntityType, scanId.ToString(CultureInfo.InvariantCulture),
            new { system = plan.System.Name, @object = plan.BusinessObject.Name, filed, alreadyKnown = known, outdated }, cancellationToken: cancellationToken);
        return new ScanFeedResult(filed, known, outdated);
    }

    private static async Task<List<ReviewCandidate>> CandidatesAsync(ISyncConnector connector, DuplicateScanPlan plan, MatchModel model, DuplicateScan scan,
        List<DuplicateScanPair> pairs, CancellationToken cancellationToken)
    {
        var ids = pairs.SelectMany(p => new[] { p.LeftRecordId, p.RightRecordId }).Distinct(StringComparer.Ordinal).ToList();
        var records = (await connector.LookupAsync(plan.BusinessObject.Key, null, ids, cancellationToken))
            .GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var prepared = records.Values.ToDictionary(r => r.Id, r => model.Prepare(plan.Fields.ToRecord(r.Id, r.Fields)), StringComparer.Ordinal);
        var candidates = new List<ReviewCandidate>(pairs.Count);
        foreach (var pair in pairs)
        {
            if (!records.TryGetValue(pair.LeftRecordId, out var left) || !records.TryGetValue(pair.RightRecordId, out var right))
            {
                continue; // Merged or deleted since the scan.
            }
            var score = model.Score(prepared[left.Id], prepared[right.Id]);
            if (score.Decision == MatchDecision.Distinct)
            {
                continue; // Edited since the scan: no longer a candidate.
            }
            // The queue shows the newer record on the left, as the worker files an incoming record against an existing one.
            var (newer, older) = left.CreatedUtc is { } l && right.CreatedUtc is { } r && r > l ? (right, left) : (left, right);
            candidates.Add(new ReviewCandidate(scan.SystemId, scan.ObjectId, newer.Id, older.Id, score.Probability, score.Explanations) { ScanId = scan.Id });
        }
        return candidates;
    }
}
