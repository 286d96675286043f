namespace CrmGovernance.Core.Features.Notifications;

/// <summary>A webhook as the admin page lists it (never its secret), with its latest delivery's outcome.</summary>
public sealed record NotificationWebhookRow(Guid Id, string Name, string Url, string Severities, bool Enabled, DateTime CreatedUtc, string CreatedBy,
    string? LastError);
