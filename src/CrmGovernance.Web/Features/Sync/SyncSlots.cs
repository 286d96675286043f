namespace CrmGovernance.Web.Features.Sync;

/// <summary>Where later features add to a run's records (Scenarios captures one as a scenario).</summary>
public static class RunSlots
{
    /// <summary>
    /// Under a record's values on a run's page. Parameters: <c>Outcome</c>
    /// (<see cref="CrmGovernance.Core.Features.Sync.Runs.RecordOutcome"/>) and <c>Run</c> (<see cref="CrmGovernance.Core.Features.Sync.Runs.SyncRun"/>).
    /// </summary>
    public const string Record = "run.record";
}

/// <summary>Where later features add to an error-queue item (Scenarios captures it as a scenario).</summary>
public static class ErrorQueueSlots
{
    /// <summary>Among an item's actions in its dialog. Parameter: <c>Item</c> (<see cref="CrmGovernance.Core.Features.Sync.ErrorQueue.ErrorQueueItem"/>).</summary>
    public const string Item = "error-queue.item";
}
