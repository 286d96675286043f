namespace CrmGovernance.Core.Features.Systems.Connectors.Webhook;

/// <summary>A payload accepted by the inbound endpoint, stored before 202 Accepted; event-driven flows read it as their source.</summary>
public sealed class InboxItem
{
    public long Id { get; set; }
    public string SystemKey { get; set; } = "";
    public string ObjectKey { get; set; } = "";
    public string? IdempotencyKey { get; set; }
    /// <summary>The fields as a flat JSON object of strings (form fields or the JSON body's top-level values).</summary>
    public string PayloadJson { get; set; } = "{}";
    public DateTime ReceivedUtc { get; set; }
}
