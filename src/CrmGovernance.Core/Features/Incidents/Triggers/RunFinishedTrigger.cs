using System.Globalization;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// A finished run (dry runs aside) is a failure signal or a recovery: failed or aborted → RunFailed; a system it could
/// not reach → SystemUnavailable (one incident per system); everything rejected or failed → NothingSucceeded; too large
/// a share rejected or failed → RejectionRate; a clean run → <see cref="IncidentRecovery"/>.
/// </summary>
public sealed class RunFinishedTrigger(IServiceScopeFactory scopes, PublishedConfiguration published,
    IncidentRecorder recorder, IncidentRecovery recovery) : IncidentTrigger<RunFinished>
{
    public override string Name => "incidents.run-finished";

    protected override async Task HandleAsync(RunFinished e, long sequence, CancellationToken cancellationToken)
    {
        if (e.DryRun || !Enum.TryParse<SyncRunStatus>(e.Status, out var status))
        {
            return;
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var flow = configuration.FindFlow(e.FlowId);
        var run = await RunAsync(e.RunId, cancellationToken);
        var name = flow?.Name ?? run?.FlowName ?? "a flow";
        var message = run?.Message;
        var bad = e.Rejected + e.Failed;
        var policy = configuration.IncidentPolicyFor(e.FlowId);

        IncidentSignal? signal = status switch
        {
            SyncRunStatus.Failed or SyncRunStatus.Aborted => new(IncidentCause.RunFailed, $"Runs of {name} fail",
                $"Run #{e.RunId} {(status == SyncRunStatus.Failed ? "failed" : "was aborted")}: {message ?? "no message"}") { FlowId = e.FlowId },
            SyncRunStatus.SystemUnavailable when UnreachableSystem(configuration, flow, message) is { } system => new(IncidentCause.SystemUnavailable,
                $"{system.Name} cannot be reached", $"Run #{e.RunId} of {name} could not reach {system.Name}: {message ?? "no message"}") { SystemId = system.Id },
            // A run of one bad record (an event-driven flow's single enquiry) is that record's problem, which the error queue
            // holds; a run that moves nothing of many is a flow's: the same minimum as the rejection rate keeps one from flapping.
            SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors when e.Read >= policy.RejectionMinimumRecords && bad >= e.Read => new(IncidentCause.NothingSucceeded,
                $"Nothing of {name} gets through", $"Run #{e.RunId} read {e.Read} records and every one was rejected ({e.Rejected}) or failed ({e.Failed}).") { FlowId = e.FlowId },
            SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors when e.Read >= policy.RejectionMinimumRecords && bad >= policy.RejectionRateThreshold * e.Read
                => new(IncidentCause.RejectionRate, $"{name} rejects too many records",
                    $"Run #{e.RunId} rejected {e.Rejected} and failed {e.Failed} of {e.Read} records ({Percent((double)bad / e.Read)}; the threshold is {Percent(policy.RejectionRateThreshold)}).") { FlowId = e.FlowId },
            _ => null,
        };
        if (signal is not null)
        {
            if (!await AlreadyRecordedAsync(signal.FoldKey, e.RunId, cancellationToken))
            {
                await recorder.RecordAsync(signal with { RunId = e.RunId, EventSequence = sequence }, null, cancellationToken);
            }
            return;
        }
        if (status == SyncRunStatus.Succeeded && bad == 0)
        {
            List<Guid> systems = flow is null ? [] : [flow.SourceSystemId, flow.TargetSystemId];
            await recovery.RecoverAsync(e.RunId, e.FlowId, systems, e.Read > 0, cancellationToken);
        }
    }

    /// <summary>The system the connector named in its message ("system 'crm' (rest connector) …"), else the flow's source.</summary>
    private static ConnectedSystem? UnreachableSystem(GovernanceConfiguration configuration, DataFlow? flow, string? message)
    {
        if (flow is null)
        {
            return null;
        }
        var source = configuration.FindSystem(flow.SourceSystemId);
        var target = configuration.FindSystem(flow.TargetSystemId);
        if (message is not null && target is not null && message.Contains($"system '{target.Key}'", StringComparison.OrdinalIgnoreCase)
            && (source is null || !message.Contains($"system '{source.Key}'", StringComparison.OrdinalIgnoreCase)))
        {
            return target;
        }
        return source ?? target;
    }

    // At least once: the same event again must not count the same run twice.
    private Task<bool> AlreadyRecordedAsync(string key, long runId, CancellationToken cancellationToken) =>
        scopes.ReadAsync(db => db.Set<IncidentEntry>().AnyAsync(
            x => x.RunId == runId && db.Set<Incident>().Any(i => i.Id == x.IncidentId && i.FoldKey == key), cancellationToken), cancellationToken);

    private Task<(string FlowName, string? Message)?> RunAsync(long runId, CancellationToken cancellationToken) =>
        scopes.ReadAsync(async db => await db.SyncRuns.Where(r => r.Id == runId).Select(r => new { r.FlowName, r.Message }).FirstOrDefaultAsync(cancellationToken)
            is { } r ? (r.FlowName, r.Message) : ((string, string?)?)null, cancellationToken);

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
