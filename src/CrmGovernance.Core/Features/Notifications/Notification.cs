using CrmGovernance.Core.Features.Incidents;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>One in-app notification for one person (the bell and /notifications): unread until they read it.</summary>
public sealed class Notification
{
    public long Id { get; set; }
    /// <summary>Lower-case email of the person it is for.</summary>
    public string UserEmail { get; set; } = "";
    public long? IncidentId { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public IncidentSeverity Severity { get; set; }
    /// <summary>Where the bell links ("/incidents/12", "/flows/…"); null when there is nothing to open.</summary>
    public string? LinkPath { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
    /// <summary>The operations event it came from: an event delivered twice finds its notifications already written.</summary>
    public long? EventSequence { get; set; }
}
