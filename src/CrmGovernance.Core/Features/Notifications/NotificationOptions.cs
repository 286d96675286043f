using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>Settings "Notifications": how deliveries leave the portal and how often they are tried.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    public EmailOptions Email { get; set; } = new();

    /// <summary>How often the outbox of emails and webhook calls is drained, in seconds.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>Attempts before a delivery is marked failed (it stays in the outbox, visible, with its last error).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry waits this long; each further one twice as long, up to six hours.</summary>
    [Range(1, 3600)]
    public int RetryDelaySeconds { get; set; } = 30;

    /// <summary>A webhook call that has not answered within this many seconds fails (and is retried).</summary>
    [Range(1, 300)]
    public int WebhookTimeoutSeconds { get; set; } = 10;

    /// <summary>When the owners' daily digest is sent (Quartz cron, UTC).</summary>
    public string DigestCron { get; set; } = "0 0 7 * * ?";

    /// <summary>The portal's public address ("https://crm-governance.example.com"), so links in emails open; without it emails carry the path only.</summary>
    public string? PortalBaseUrl { get; set; }
}
