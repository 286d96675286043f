using System.Text;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>The email form of a notification, queued in the delivery outbox.</summary>
internal static class NotificationEmail
{
    public static NotificationDelivery Delivery(string to, NotificationMessage message, string? baseUrl, DateTime now, DateTime notBefore,
        long? sequence, string dedupKey) => new()
    {
        Channel = DeliveryChannel.Email, Recipient = to, Subject = NotificationSubscriber.Clip(message.Subject, 300),
        Payload = Body(message.Text, message.LinkPath, baseUrl), NextAttemptUtc = notBefore, Status = DeliveryStatus.Pending,
        CreatedUtc = now, EventSequence = sequence, DedupKey = dedupKey,
    };

    public static string Body(string text, string? linkPath, string? baseUrl)
    {
        var body = new StringBuilder(text).AppendLine().AppendLine();
        if (linkPath is not null)
        {
            body.Append("Open it in CrmGovernance: ").AppendLine(Link(linkPath, baseUrl)).AppendLine();
        }
        body.AppendLine("You receive this because you are accountable for it in CrmGovernance; choose what reaches you by email under Profile > Notifications.");
        return body.ToString();
    }

    public static string Link(string path, string? baseUrl) =>
        string.IsNullOrWhiteSpace(baseUrl) ? path : baseUrl.TrimEnd('/') + path;
}
