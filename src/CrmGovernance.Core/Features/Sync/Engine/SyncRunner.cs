using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>Starts runs of flows: from the scheduler, the inbox, the Run now and Dry run buttons, and the CLI. Singleton.</summary>
public sealed class SyncRunner
{
    /// <summary>Starts the run in the background; returns the run's id as soon as the run exists.</summary>
    /// <exception cref="FlowBusyException">The flow has a run going.</exception>
    /// <exception cref="InvalidOperationException">The flow does not exist or is not active (the message says so).</exception>
    public Task<long> StartAsync(SyncRunRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Runs to the end and returns the finished run.</summary>
    public Task<SyncRun> RunAsync(SyncRunRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Replays open error-queue items of a flow (all of them when <paramref name="ids"/> is null) with the current published configuration, in the background; returns the run's id.</summary>
    public Task<long> StartReplayAsync(Guid flowId, IReadOnlyCollection<long>? ids, string startedBy, CancellationToken cancellationToken) => throw new NotImplementedException();
}
