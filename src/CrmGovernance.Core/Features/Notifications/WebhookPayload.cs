using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>
/// The JSON a webhook receives and its signature: <c>X-CrmGovernance-Signature: sha256=&lt;hex&gt;</c>, the HMAC-SHA256
/// under the webhook's secret of <c>"&lt;timestamp&gt;.&lt;raw body&gt;"</c>, where the timestamp (Unix seconds) is the
/// <c>X-CrmGovernance-Timestamp</c> header. Signing the timestamp lets a receiver refuse replays of an old call.
/// </summary>
public static class WebhookPayload
{
    public const string SignatureHeader = "X-CrmGovernance-Signature";
    public const string TimestampHeader = "X-CrmGovernance-Timestamp";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Body(NotificationMessage message) => JsonSerializer.Serialize(new
    {
        incidentId = message.IncidentId, change = message.Change, severity = message.Severity.ToString(),
        title = message.Title, text = message.Text, link = message.LinkPath,
    }, Json);

    /// <summary>"sha256=…" for the body sent at <paramref name="timestamp"/>.</summary>
    public static string Signature(string secret, string timestamp, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    internal static NotificationDelivery Delivery(NotificationWebhook webhook, NotificationMessage message, DateTime now, long? sequence) => new()
    {
        Channel = DeliveryChannel.Webhook, Recipient = webhook.Url, WebhookId = webhook.Id, Payload = Body(message),
        NextAttemptUtc = now, Status = DeliveryStatus.Pending, CreatedUtc = now, EventSequence = sequence,
        DedupKey = $"event:{sequence}:webhook:{webhook.Id}",
    };
}
