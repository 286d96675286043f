using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// The match rule step of one run, after the crosswalk and the match keys: incoming records are scored against the
/// target's records in the shared match index (fed by the target's own changes, read once per run, and by the worker's
/// writes) and against the records the run has written since. Each batch's review-band pairs are filed for a steward
/// with the batch's record. A dry run reads and scores the same way but stores and files nothing.
/// </summary>
public sealed class TargetMatcher
{
    private readonly FlowPlan _plan;
    private readonly MatchModel _model;
    private readonly MatchFields _fields;
    // All null in a sandbox: its target's records are in the overlay from the start.
    private readonly MatchIndexCache? _cache;
    private readonly MatchIndexStore? _store;
    private readonly TargetChangeFeed? _feed;
    private readonly IDbContextFactory<CrmDbContext>? _contexts;
    private readonly RunMatchOverlay _overlay;
    private bool _feedRead;

    private TargetMatcher(FlowPlan plan, MatchModel model, MatchFields fields, MatchIndexCache? cache, MatchIndexStore? store, TargetChangeFeed? feed,
        IDbContextFactory<CrmDbContext>? contexts)
    {
        (_plan, _model, _fields, _cache, _store, _feed, _contexts) = (plan, model, fields, cache, store, feed, contexts);
        _overlay = new RunMatchOverlay(model, fields);
    }

    /// <summary>The matcher of a run of the plan's flow; null when its object has no match rule (the step then costs nothing).</summary>
    public static TargetMatcher? For(FlowPlan plan, MatchIndexCache cache, MatchIndexStore store, TargetChangeFeed feed,
        IDbContextFactory<CrmDbContext> contexts) =>
        plan is { MatchModel: { } model, TargetMatchFields: { } fields } ? new TargetMatcher(plan, model, fields, cache, store, feed, contexts) : null;

    /// <summary>
    /// The matcher of a sandbox run: the target's records (<paramref name="existing"/>) and what the run writes are the
    /// only candidates; no shared index, no stored state, no steward's exclusions. Null without a match rule.
    /// </summary>
    public static TargetMatcher? ForSandbox(FlowPlan plan, IEnumerable<ConnectorRecord> existing)
    {
        if (plan is not { MatchModel: { } model, TargetMatchFields: { } fields })
        {
            return null;
        }
        var matcher = new TargetMatcher(plan, model, fields, null, null, null, null);
        foreach (var record in existing)
        {
            matcher._overlay.Put(record.Id, record.Fields);
        }
        return matcher;
    }

    /// <summary>Scores the batch's records that neither the crosswalk nor a match key found against the shared index, and looks up their candidates in the target.</summary>
    internal async Task<FuzzyBatch> BeginBatchAsync(ISyncConnector target, TargetIndex index, IReadOnlyList<(IncomingRecord Record, string NewId)> unlinked,
        bool dryRun, CancellationToken cancellationToken)
    {
        if (_cache is null || _store is null || _feed is null)
        {
            return new FuzzyBatch(_plan, _fields, _overlay, [], []);
        }
        if (!_feedRead)
        {
            await _feed.ReadAsync(_plan, target, _store, dryRun ? _overlay.Put : null, cancellationToken);
            _feedRead = true;
        }
        var pending = unlinked.Where(u => !_plan.MatchKeys.Any(k => index.FindByKey(k, u.Record.Values.GetValueOrDefault(k)) is not null)).ToList();
        var shared = new Dictionary<string, IReadOnlyList<MatchCandidate>>(StringComparer.Ordinal);
        if (pending.Count == 0)
        {
            return new FuzzyBatch(_plan, _fields, _overlay, shared, []);
        }
        using (var lease = await _cache.OpenAsync(_plan.Target.Id, _plan.BusinessObject.Id, _model, cancellationToken))
        {
            foreach (var (record, newId) in pending)
            {
                var found = lease.Index.Match(_fields.ToRecord(newId, record.Values));
                if (found.Count > 0)
                {
                    // A few, in case the best has gone from the target since it was indexed.
                    shared[record.SourceId] = found.Take(3).ToList();
                }
            }
        }
        var excluded = await ExcludedPairsAsync(pending.Select(p => p.NewId).ToList(), cancellationToken);
        var missing = shared.Values.SelectMany(c => c).Select(c => c.Id).Where(id => !index.Exists(id)).Distinct(StringComparer.Ordinal).ToList();
        await index.AddAsync(_plan, target, missing, cancellationToken);
        return new FuzzyBatch(_plan, _fields, _overlay, shared, excluded);
    }

    /// <summary>The matchable values of the target records a batch leaves behind (written, or read and unchanged), for the stored index.</summary>
    internal List<MatchRecord> IndexUpdates(BatchResult batch, TargetIndex index) =>
        [.. batch.Records
            .Where(r => r.TargetId is not null && r.Outcome is OutcomeKind.Created or OutcomeKind.Updated or OutcomeKind.Appended or OutcomeKind.Unchanged)
            .Select(r => r.TargetId!).Distinct(StringComparer.Ordinal)
            .Select(id => index.Find(id) is { } values ? _fields.ToRecord(id, values) : null).OfType<MatchRecord>()];

    /// <summary>
    /// The batch's review-band pairs and held identity changes, for the recorder to file with the batch's record (one
    /// transaction). A dry run files nothing.
    /// </summary>
    public IReadOnlyList<ReviewCandidate> ReviewCandidates(BatchResult batch, SyncRun run)
    {
        if (run.DryRun)
        {
            return [];
        }
        var candidates = batch.Records
            .Where(r => r is { Outcome: OutcomeKind.Created, TargetId: not null, ReviewWith: not null } && r.TargetId != r.ReviewWith.Id)
            .Select(r => new ReviewCandidate(_plan.Target.Id, _plan.BusinessObject.Id, r.TargetId!, r.ReviewWith!.Id, r.ReviewWith.Score.Probability,
                r.ReviewWith.Score.Explanations) { FlowId = _plan.Flow.Id, RunId = run.Id })
            .ToList();
        // A fuzzy match held an identity change for a steward: the pair (source record, existing record) with the proposed values.
        candidates.AddRange(batch.Records
            .Where(r => r is { HeldChanges.Count: > 0, TargetId: not null } && r.Outcome is OutcomeKind.Updated or OutcomeKind.Appended or OutcomeKind.Unchanged)
            .Select(r => new ReviewCandidate(_plan.Target.Id, _plan.BusinessObject.Id, r.SourceId, r.TargetId!, r.MatchScore ?? 0,
                r.MatchedWith?.Score.Explanations ?? []) { FlowId = _plan.Flow.Id, RunId = run.Id, ProposedChanges = r.HeldChanges }));
        return candidates;
    }

    /// <summary>After a batch is recorded: forgets the batch's records (the shared index now reads them from the store). A dry run keeps them for its next batches.</summary>
    public void AfterRecorded(SyncRun run)
    {
        if (!run.DryRun)
        {
            _overlay.Clear();
        }
    }

    /// <summary>Pairs with any of these records that a steward marked "not a duplicate", smaller id first.</summary>
    private async Task<HashSet<(string, string)>> ExcludedPairsAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var pairs = new HashSet<(string, string)>();
        await using var db = await _contexts!.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in ids.Chunk(250))
        {
            var found = await db.MatchExclusions.AsNoTracking()
                .Where(e => e.SystemId == _plan.Target.Id && e.ObjectId == _plan.BusinessObject.Id && (chunk.Contains(e.LeftRecordId) || chunk.Contains(e.RightRecordId)))
                .Select(e => new { e.LeftRecordId, e.RightRecordId }).ToListAsync(cancellationToken);
            foreach (var pair in found)
            {
                pairs.Add(string.CompareOrdinal(pair.LeftRecordId, pair.RightRecordId) < 0 ? (pair.LeftRecordId, pair.RightRecordId) : (pair.RightRecordId, pair.LeftRecordId));
            }
        }
        return pairs;
    }
}
