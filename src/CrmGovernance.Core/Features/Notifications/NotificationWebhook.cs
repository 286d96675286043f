namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// An outbound webhook subscription: incident notifications of the listed severities are POSTed to the URL, signed
/// with HMAC-SHA256 under the secret (stored encrypted with the systems' secret protector, never shown again).
/// </summary>
public sealed class NotificationWebhook
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Url { get; set; } = "";
    public string Severities { get; set; } = "Critical,High,Medium,Low";
    public string ProtectedSecret { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
}
