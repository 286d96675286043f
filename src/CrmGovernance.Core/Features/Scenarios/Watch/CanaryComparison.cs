using System.Globalization;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Scenarios.Watch;

/// <summary>
/// A changed flow's first runs against its recent runs before the change: a clear drift in the share of records refused,
/// the share created new (duplicates where records used to be matched), or the records read per run. Clear means both
/// far off and over enough records that one odd record does not count.
/// </summary>
public static class CanaryComparison
{
    /// <summary>Records the first runs must have read between them before anything is judged.</summary>
    public const int MinimumRecords = 10;

    public static IReadOnlyList<string> Findings(IReadOnlyList<SyncRun> baseline, IReadOnlyList<SyncRun> canary)
    {
        var findings = new List<string>();
        var (readBefore, readAfter) = (baseline.Sum(r => r.Read), canary.Sum(r => r.Read));
        if (readBefore == 0 || readAfter < MinimumRecords)
        {
            return findings;
        }
        var refusedBefore = Share(baseline, r => r.Rejected + r.Failed);
        var refusedAfter = Share(canary, r => r.Rejected + r.Failed);
        if (refusedAfter >= refusedBefore + 0.15 && refusedAfter >= 2 * refusedBefore)
        {
            findings.Add($"It refuses {Percent(refusedAfter)} of what it reads, against {Percent(refusedBefore)} before the change.");
        }
        var createdBefore = Share(baseline, r => r.Created);
        var createdAfter = Share(canary, r => r.Created);
        if (createdAfter >= createdBefore + 0.3)
        {
            findings.Add($"It creates {Percent(createdAfter)} of what it reads as new records, against {Percent(createdBefore)} before: records it used to match may now be duplicated.");
        }
        var matchedBefore = Share(baseline, r => r.DuplicatesPrevented);
        var matchedAfter = Share(canary, r => r.DuplicatesPrevented);
        if (matchedBefore >= 0.2 && matchedAfter <= matchedBefore / 3)
        {
            findings.Add($"It joins {Percent(matchedAfter)} of what it reads to existing records, against {Percent(matchedBefore)} before: matching may be broken.");
        }
        var perRunBefore = (double)readBefore / baseline.Count;
        var perRunAfter = (double)readAfter / canary.Count;
        if (perRunBefore >= 20 && perRunAfter < 0.25 * perRunBefore)
        {
            findings.Add($"It reads {perRunAfter.ToString("N0", CultureInfo.CurrentCulture)} records a run, against {perRunBefore.ToString("N0", CultureInfo.CurrentCulture)} before.");
        }
        return findings;
    }

    private static double Share(IReadOnlyList<SyncRun> runs, Func<SyncRun, int> count) =>
        runs.Sum(r => r.Read) is var read and > 0 ? (double)runs.Sum(count) / read : 0;

    private static string Percent(double share) => share.ToString("P0", CultureInfo.InvariantCulture);
}
