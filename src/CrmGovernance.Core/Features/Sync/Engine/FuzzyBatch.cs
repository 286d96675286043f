using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// The match rule step of one batch: each unlinked record's candidates in the shared index (scored before the batch,
/// their target records looked up), merged with the run's own records as the batch goes; pairs a steward marked "not a
/// duplicate" never count.
/// </summary>
internal sealed class FuzzyBatch(FlowPlan plan, MatchFields fields, RunMatchOverlay overlay, Dictionary<string, IReadOnlyList<MatchCandidate>> shared,
    HashSet<(string, string)> excluded)
{
    /// <summary>The best candidate for the record (at or above the review threshold), or null; an auto-match is in <paramref name="index"/> afterwards.</summary>
    public MatchCandidate? Best(IncomingRecord record, string newId, TargetIndex index)
    {
        MatchCandidate? best = null;
        foreach (var candidate in overlay.Match(fields.ToRecord(newId, record.Values)))
        {
            if (!IsExcluded(newId, candidate.Id))
            {
                best = Better(best, candidate);
            }
        }
        foreach (var candidate in shared.GetValueOrDefault(record.SourceId) ?? [])
        {
            // The run's own copy of a record is newer than the shared one; a record the target no longer has is no candidate.
            if (!overlay.Contains(candidate.Id) && index.Exists(candidate.Id) && !IsExcluded(newId, candidate.Id))
            {
                best = Better(best, candidate);
            }
        }
        if (best is { Score.Decision: MatchDecision.AutoMatch } && !index.Exists(best.Id) && overlay.Values(best.Id) is { } values)
        {
            index.Put(plan, best.Id, new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase));
        }
        return best;
    }

    /// <summary>Makes a record the batch created or changed a candidate for the records after it.</summary>
    public void Track(string id, IReadOnlyDictionary<string, string?> values) => overlay.Put(id, values);

    private bool IsExcluded(string a, string b) =>
        excluded.Contains(string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a));

    private static MatchCandidate Better(MatchCandidate? best, MatchCandidate candidate) =>
        best is null || candidate.Score.Probability > best.Score.Probability
        || (candidate.Score.Probability == best.Score.Probability && string.CompareOrdinal(candidate.Id, best.Id) < 0) ? candidate : best;
}
