namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>
/// A record that did not make it: rejected (validation or rule), failed (system error, retryable) or an inbound
/// payload the endpoint could not accept. The payload is kept as sent so it can be replayed after a fix.
/// </summary>
public sealed class ErrorQueueItem
{
    public long Id { get; set; }
    public ErrorKind Kind { get; set; }
    public ErrorStatus Status { get; set; } = ErrorStatus.Open;
    /// <summary>Null for an inbound payload that no flow read yet.</summary>
    public Guid? FlowId { get; set; }
    public string SystemKey { get; set; } = "";
    public string ObjectKey { get; set; } = "";
    public long? RunId { get; set; }
    public string? SourceId { get; set; }
    public string Reason { get; set; } = "";
    /// <summary>Rejected/failed: the source record's fields as JSON. Inbound: the raw body as received.</summary>
    public string Payload { get; set; } = "";
    public string? ContentType { get; set; }
    public int Attempts { get; set; } = 1;
    public DateTime CreatedUtc { get; set; }
    public DateTime? LastAttemptUtc { get; set; }
    public DateTime? ResolvedUtc { get; set; }
    /// <summary>The run (replay) that resolved it, or who discarded it.</summary>
    public string? ResolvedBy { get; set; }
}

/// <summary>Rejected (validation or rule), Failed (system error), Review (held by a rule until released), Inbound (unreadable payload).</summary>
public enum ErrorKind { Rejected, Failed, Review, Inbound }

public enum ErrorStatus { Open, Resolved, Discarded }
