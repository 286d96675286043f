using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>The worker's settings (section "Sync").</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Records read, written and recorded together.</summary>
    [Range(1, 50_000)]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>A run stops ("aborted") once more records than this failed with system errors.</summary>
    [Range(0, 10_000_000)]
    public int MaxFailedRecords { get; set; } = 1_000;

    /// <summary>How long a run's hold on its flow lasts without a heartbeat (renewed after every batch).</summary>
    [Range(5, 3_600)]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>
    /// How far the clocks of two nodes may disagree: another node's lease counts as expired only this long after its
    /// expiry, so a node whose clock runs ahead never takes a flow whose run is still going (docs/operations.md).
    /// </summary>
    [Range(0, 600)]
    public int LeaseSkewSeconds { get; set; } = 30;

    /// <summary>Records a dry run evaluates at most.</summary>
    [Range(1, 100_000)]
    public int DryRunMaxRecords { get; set; } = 1_000;

    /// <summary>Event-driven flows also poll their inbox this often, in case a signal was missed (e.g. items stored by another process).</summary>
    [Range(5, 3_600)]
    public int InboxPollSeconds { get; set; } = 30;

    /// <summary>Whether this process schedules and runs flows (the CLI runs one flow on request instead).</summary>
    public bool Worker { get; set; } = true;
}
