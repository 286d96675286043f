namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// One email or webhook call waiting in the durable outbox, written with the notification that caused it and drained by
/// <see cref="NotificationSender"/> with retries and backoff. A row marked Sent is never picked again.
/// </summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }
    public DeliveryChannel Channel { get; set; }
    /// <summary>An email address, or the webhook's URL as it was when queued.</summary>
    public string Recipient { get; set; } = "";
    public Guid? WebhookId { get; set; }
    /// <summary>The email's subject; empty for a webhook.</summary>
    public string Subject { get; set; } = "";
    /// <summary>The email's text, or the webhook's JSON body.</summary>
    public string Payload { get; set; } = "";
    public int Attempts { get; set; }
    /// <summary>When it may be tried (again): after quiet hours, after a backoff, or when a Sending lease runs out.</summary>
    public DateTime NextAttemptUtc { get; set; }
    public DeliveryStatus Status { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public long? EventSequence { get; set; }
    /// <summary>Unique: one delivery per event, channel and recipient, or one digest per person per day.</summary>
    public string DedupKey { get; set; } = "";
}
