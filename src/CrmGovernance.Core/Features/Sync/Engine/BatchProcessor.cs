using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// One batch through the pipeline: map and validate → match (crosswalk, then match keys, then the object's match rule
/// when it has one and a <see cref="TargetMatcher"/> is given) → rules and source of truth → write to the target (unless
/// dry run) → per-record results. Idempotent: a new record's target id derives from its source system and id, so a
/// batch re-run after a crash updates what the first attempt created.
/// </summary>
public sealed class BatchProcessor(FlowPlan plan, ISyncConnector target, ICrosswalkLookup crosswalk, TimeProvider time, TargetMatcher? matcher = null)
{
    public async Task<BatchResult> ProcessAsync(IReadOnlyList<ConnectorRecord> records, bool dryRun, IReadOnlySet<string> releasedFromReview,
        CancellationToken cancellationToken)
    {
        var result = new BatchResult();
        var incoming = records.Select(r => IncomingRecord.Map(plan, r)).ToList();
        var valid = incoming.Where(r => r.Errors.Count == 0).ToList();
        var links = await crosswalk.TargetIdsAsync(plan, valid.Select(r => r.SourceId).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var unlinked = valid.Where(r => !links.ContainsKey(r.SourceId)).ToList();
        var index = await TargetIndex.LoadAsync(plan, target, links.Values.Select(l => l.TargetId).Distinct(StringComparer.Ordinal).ToList(), unlinked, cancellationToken);
        var fuzzy = matcher is null ? null
            : await matcher.BeginBatchAsync(target, index, unlinked.Select(r => (r, NewTargetId(r.SourceId))).ToList(), dryRun, cancellationToken);
        var work = new BatchWork(plan, index, time.GetUtcNow().UtcDateTime, dryRun);

        foreach (var record in incoming)
        {
            var entry = new RecordResult
            {
                SourceId = SourceIdLimit.Stored(record.SourceId), PayloadJson = SyncJson.Serialize(record.Source.Fields), SourceCreatedUtc = record.Source.CreatedUtc,
                InboxId = record.Source.InboxId,
            };
            result.Records.Add(entry);
            if (record.Errors.Count > 0)
            {
                entry.Outcome = OutcomeKind.Rejected;
                entry.Reason = string.Join(" ", record.Errors);
                continue;
            }
            var (targetId, match, candidate) = Match(record, links, index, fuzzy);
            entry.ReviewWith = candidate is { Score.Decision: MatchDecision.Review } ? candidate : null;
            // A match on the id this very source record would create is its own creation by an attempt at this batch that was
            // cut off before it was recorded (there is no crosswalk link yet): it is created again, never appended to itself.
            var own = NewTargetId(record.SourceId);
            var again = (match is MatchKind.Key or MatchKind.Fuzzy) && targetId == own;
            match = again ? MatchKind.None : match;
            (entry.Match, entry.MatchScore) = (match, again ? null : candidate?.Score.Probability);
            entry.MatchedWith = match == MatchKind.Fuzzy ? candidate : null;
            var decision = RuleEvaluator.Decide(plan, record, match, match == MatchKind.None ? null : index.Find(targetId!), releasedFromReview.Contains(record.SourceId));
            // A link the match rule made once stays fuzzy evidence: the source's later updates are guarded like the first match.
            var guarded = match == MatchKind.Fuzzy || (match == MatchKind.Linked && links[record.SourceId].ByMatchRule);
            work.Apply(record, entry, decision, targetId ?? own, match, guarded);
            if (again && entry.Outcome == OutcomeKind.Created)
            {
                const string note = "Written again with the same id: an earlier attempt at this batch created it and was cut off before it was recorded.";
                entry.Reason = entry.Reason is null ? note : note + " " + entry.Reason;
            }
            if (entry.Outcome != OutcomeKind.Created)
            {
                entry.ReviewWith = null;
            }
            if (entry.Outcome != OutcomeKind.Rejected && entry.Outcome != OutcomeKind.Queued && match is MatchKind.Key or MatchKind.Fuzzy)
            {
                result.DuplicatesPrevented++;
            }
            if (fuzzy is not null && entry.TargetId is { } written && index.Find(written) is { } values)
            {
                fuzzy.Track(written, values);
            }
        }

        if (!dryRun)
        {
            await work.WriteAsync(target, cancellationToken);
        }
        if (matcher is not null)
        {
            result.MatchIndexUpdates.AddRange(matcher.IndexUpdates(result, index));
        }
        var now = time.GetUtcNow().UtcDateTime;
        var leads = LeadResponse.AppliesTo(plan.Configuration, plan.Flow);
        foreach (var created in result.Records.Where(r => leads && r.Outcome == OutcomeKind.Created && r.SourceCreatedUtc is not null))
        {
            result.LeadResponseMillisecondsTotal += (long)Math.Max(0, (now - created.SourceCreatedUtc!.Value).TotalMilliseconds);
            result.LeadResponseCount++;
        }
        return result;
    }

    /// <summary>Crosswalk, then match keys, then the match rule: an auto-match behaves as a key match; a review-band candidate only comes along.</summary>
    private (string? TargetId, MatchKind Match, MatchCandidate? Candidate) Match(IncomingRecord record, Dictionary<string, (string TargetId, bool ByMatchRule)> links, TargetIndex index, FuzzyBatch? fuzzy)
    {
        if (links.TryGetValue(record.SourceId, out var link))
        {
            var linked = link.TargetId;
            return index.Exists(linked) ? (linked, MatchKind.Linked, null) : (linked, MatchKind.None, null);
        }
        foreach (var key in plan.MatchKeys)
        {
            if (index.FindByKey(key, record.Values.GetValueOrDefault(key)) is { } id)
            {
                return (id, MatchKind.Key, null);
            }
        }
        if (fuzzy?.Best(record, NewTargetId(record.SourceId), index) is { } best)
        {
            return best.Score.Decision == MatchDecision.AutoMatch ? (best.Id, MatchKind.Fuzzy, best) : (null, MatchKind.None, best);
        }
        return (null, MatchKind.None, null);
    }

    /// <summary>The same source record always gets the same target id, so re-running a batch cannot create a second record.</summary>
    private string NewTargetId(string sourceId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{plan.Source.Id:N}/{plan.BusinessObject.Id:N}/{plan.Target.Id:N}/{sourceId}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
