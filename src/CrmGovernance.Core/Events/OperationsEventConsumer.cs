namespace CrmGovernance.Core.Events;

/// <summary>How far one subscriber has got through the outbox, and why it is waiting when its last delivery failed.</summary>
public sealed class OperationsEventConsumer
{
    public string Subscriber { get; set; } = "";

    /// <summary>The sequence of the last event handled (or skipped as not of its kinds).</summary>
    public long Position { get; set; }

    /// <summary>Failed deliveries of the event after <see cref="Position"/>; 0 after a success.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? RetryAfterUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
