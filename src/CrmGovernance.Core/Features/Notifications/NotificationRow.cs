using CrmGovernance.Core.Features.Incidents;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>A notification as the bell and /notifications show it.</summary>
public sealed record NotificationRow(long Id, long? IncidentId, string Title, string Text, IncidentSeverity Severity, string? LinkPath,
    DateTime CreatedUtc, bool IsRead);
