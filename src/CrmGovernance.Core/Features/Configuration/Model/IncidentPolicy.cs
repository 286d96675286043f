namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// When failure signals become incidents and how long people have to answer them. One policy without a flow is the
/// default; a policy with <see cref="FlowId"/> replaces it for that flow. With none at all the defaults below apply,
/// so incidents work without tuning. Changed through change requests like all configuration.
/// </summary>
public sealed record IncidentPolicy : IConfigurationItem
{
    public required Guid Id { get; init; }

    /// <summary>The flow this policy is for; null for the default policy.</summary>
    public Guid? FlowId { get; init; }

    /// <summary>A flow's error queue holding at least this many waiting items is an incident.</summary>
    public int ErrorQueueThreshold { get; init; } = 25;

    /// <summary>A run rejecting or failing at least this share (0–1) of what it read is an incident…</summary>
    public double RejectionRateThreshold { get; init; } = 0.2;

    /// <summary>…when it read at least this many records (a run of 3 with 1 rejected is not a trend).</summary>
    public int RejectionMinimumRecords { get; init; } = 10;

    /// <summary>A scheduled flow with no successful run that read records in this many schedule intervals is silent.</summary>
    public int SilentAfterIntervals { get; init; } = 3;

    /// <summary>The window a flow's volume is counted over, compared with the same window on earlier weeks.</summary>
    public int VolumeWindowMinutes { get; init; } = 24 * 60;

    /// <summary>How many earlier weeks make the volume baseline.</summary>
    public int VolumeBaselineWeeks { get; init; } = 4;

    /// <summary>Volume below this share (0–1) of the baseline is a drop…</summary>
    public double VolumeDropRatio { get; init; } = 0.25;

    /// <summary>…when the baseline expects at least this many records in the window.</summary>
    public int VolumeMinimumBaseline { get; init; } = 20;

    /// <summary>Review-queue items waiting longer than this are overdue.</summary>
    public int ReviewSlaHours { get; init; } = 72;

    /// <summary>A scan's duplicate rate this many percentage points above the previous scan of the same data is a spike.</summary>
    public double DuplicateSpikePoints { get; init; } = 5;

    /// <summary>An incident beginning within this many minutes of a publish that touched its flow names that change.</summary>
    public int ChangeLinkMinutes { get; init; } = 120;

    /// <summary>The cause recurring within this many hours of the end reopens the incident instead of opening another.</summary>
    public int ReopenWindowHours { get; init; } = 24;

    /// <summary>An incident nobody attends to for this many days expires (counted as neglect).</summary>
    public int ExpireAfterDays { get; init; } = 14;

    /// <summary>Minutes to acknowledge, per severity: critical, high, medium, low.</summary>
    public List<int> AcknowledgeMinutes { get; init; } = [15, 60, 240, 1440];

    /// <summary>Hours to resolve, per severity: critical, high, medium, low.</summary>
    public List<int> ResolveHours { get; init; } = [4, 24, 72, 168];

    public string DisplayName => FlowId is null ? "incident policy (default)" : "incident policy for a flow";
}
