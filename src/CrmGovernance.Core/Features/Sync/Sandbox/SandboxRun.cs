using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Sync.Sandbox;

/// <summary>
/// Runs records through a flow's plan with the engine of real runs (<see cref="BatchProcessor"/>: map and validate,
/// crosswalk, match keys and the match rule, rules and source of truth, writes) against a <see cref="SandboxTarget"/>
/// and a crosswalk in memory. Nothing is stored and no real system is reached. Each input is one batch, in order, and
/// its links are kept for the inputs after it, as a run's recorded batches are.
/// </summary>
public static class SandboxRun
{
    public static async Task<SandboxResult> RunAsync(FlowPlan plan, SandboxTarget target, IReadOnlyList<ConnectorRecord> inputs, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var crosswalk = new SandboxCrosswalk();
        var existing = target.Unavailable ? [] : target.All(plan.BusinessObject.Key);
        var processor = new BatchProcessor(plan, target, crosswalk, time, TargetMatcher.ForSandbox(plan, existing));
        var results = new List<RecordResult?>(inputs.Count);
        try
        {
            foreach (var input in inputs)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = await processor.ProcessAsync([input], dryRun: false, new HashSet<string>(), cancellationToken);
                foreach (var record in batch.Records.Where(r => r.NewLink && r.TargetId is not null))
                {
                    crosswalk.Link(record.SourceId, record.TargetId!, record.Match == MatchKind.Fuzzy);
                }
                results.AddRange(batch.Records);
            }
        }
        catch (SystemUnavailableException e)
        {
            // As in a real run: the cursor stays, so what was not recorded is read again by the next run.
            var kept = inputs.Count - results.Count;
            results.AddRange(Enumerable.Repeat<RecordResult?>(null, kept));
            return new SandboxResult(SyncRunStatus.SystemUnavailable, $"{e.Message} {kept:N0} record(s) kept for the next run; nothing was lost.", results);
        }
        var status = results.Any(r => r!.Outcome is OutcomeKind.Rejected or OutcomeKind.Failed) ? SyncRunStatus.CompletedWithErrors : SyncRunStatus.Succeeded;
        return new SandboxResult(status, null, results);
    }

    private sealed class SandboxCrosswalk : ICrosswalkLookup
    {
        private readonly Dictionary<string, (string TargetId, bool ByMatchRule)> _links = new(StringComparer.Ordinal);

        public void Link(string sourceId, string targetId, bool byMatchRule) => _links.TryAdd(sourceId, (targetId, byMatchRule));

        public Task<Dictionary<string, (string TargetId, bool ByMatchRule)>> TargetIdsAsync(FlowPlan plan, IReadOnlyCollection<string> sourceIds,
            CancellationToken cancellationToken) =>
            Task.FromResult(sourceIds.Where(_links.ContainsKey).Distinct(StringComparer.Ordinal).ToDictionary(id => id, id => _links[id], StringComparer.Ordinal));
    }
}

/// <summary>How a sandbox run ended, and each input's result in input order (null: not processed, kept for the next run).</summary>
public sealed record SandboxResult(SyncRunStatus Status, string? Message, IReadOnlyList<RecordResult?> Records);
