using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Benchmarks.Insights;

/// <summary>A published version to seed: its number, when, and the configuration.</summary>
internal sealed record SeedVersion(int Number, DateTime PublishedUtc, GovernanceConfiguration Configuration);

/// <summary>
/// The runs of a period, made one at a time (a million outcomes are never all in memory): <c>runs</c> finished runs spread
/// evenly (with jitter) from <c>fromUtc</c> to <c>toUtc</c> over the five flows (the lead flow most often), sizes varying
/// from a third to nearly twice the mean and adding up to exactly <c>records</c>. Scheduled runs have a fire time, a tenth
/// of them late; about one run in twelve has failed records, a few fail outright.
/// </summary>
internal sealed class LedgerPlan(IReadOnlyList<SeedVersion> versions, int runs, long records, DateTime fromUtc, DateTime toUtc, int seed)
{
    private static readonly double[] FlowShares = [0.35, 0.20, 0.15, 0.15, 0.15];

    /// <summary>The lead flow's revision (fewer rejections, faster leads after it).</summary>
    public SeedVersion? LeadRevision { get; } = versions.Skip(1).FirstOrDefault(v => InsightsBenchmarkConfiguration.Revised(v.Number) == DemoConfiguration.WebFormFlow);

    public IEnumerable<SeedRun> Runs(long firstId)
    {
        var random = new Random(seed);
        var weights = Enumerable.Range(0, runs).Select(_ => 0.3 + 1.4 * random.NextDouble()).ToArray();
        var total = weights.Sum();
        var span = toUtc - fromUtc;
        var fields = new Dictionary<(int, Guid), IReadOnlyList<(string, bool)>>();
        double cumulative = 0;
        long placed = 0;
        for (var i = 0; i < runs; i++)
        {
            cumulative += weights[i];
            var upTo = i == runs - 1 ? records : (long)Math.Round(records * cumulative / total);
            var count = (int)(upTo - placed);
            placed = upTo;
            var started = fromUtc + span * ((i + random.NextDouble()) / runs);
            var version = versions.Last(v => v.PublishedUtc <= started);
            var flowId = InsightsBenchmarkConfiguration.Flows[Pick(random.NextDouble())];
            var flow = version.Configuration.FindFlow(flowId)!;
            var lead = flowId == DemoConfiguration.WebFormFlow;
            var withFailures = random.NextDouble() < 0.08;
            var id = firstId + i;
            if (!fields.TryGetValue((version.Number, flowId), out var targetFields))
            {
                fields[(version.Number, flowId)] = targetFields = InsightsBenchmarkConfiguration.TargetFields(version.Configuration, flowId);
            }
            var improved = LeadRevision is { } revision && started >= revision.PublishedUtc;
            var outcomes = LedgerShapes.Outcomes(new Random(seed ^ (int)id), id, started, count, lead, withFailures, improved, targetFields);
            var (trigger, due) = lead ? (SyncTrigger.Inbox, (DateTime?)null)
                : random.NextDouble() < 0.05 ? (SyncTrigger.Manual, null)
                : (SyncTrigger.Schedule, started.AddSeconds(-(random.NextDouble() < 0.9 ? 1 + 59 * random.NextDouble() : 360 + 2000 * random.NextDouble())));
            var status = withFailures && random.NextDouble() < 0.3 ? (random.NextDouble() < 0.7 ? SyncRunStatus.Failed : SyncRunStatus.SystemUnavailable)
                : outcomes.Any(o => o.Outcome == OutcomeKind.Failed) ? SyncRunStatus.CompletedWithErrors
                : SyncRunStatus.Succeeded;
            yield return new SeedRun(id, flowId, flow.Name, version.Number, started, trigger, due, status, outcomes);
        }
    }

    private static int Pick(double roll)
    {
        for (var i = 0; i < FlowShares.Length; i++)
        {
            roll -= FlowShares[i];
            if (roll < 0)
            {
                return i;
            }
        }
        return FlowShares.Length - 1;
    }
}
