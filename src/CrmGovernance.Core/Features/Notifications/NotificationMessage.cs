using System.Globalization;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Incidents;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>What one operations event tells people, whoever they are and however it reaches them.</summary>
public sealed record NotificationMessage(
    long? IncidentId,
    string Change,
    IncidentSeverity Severity,
    string Title,
    string Text,
    string? LinkPath,
    IReadOnlyList<string> Recipients,
    bool ToAdmins)
{
    /// <summary>The message of an event the notifications handle; null for any other.</summary>
    public static NotificationMessage? Of(OperationsEvent e) => e switch
    {
        IncidentChanged c => new(c.IncidentId, c.Change, SeverityList.Of(c.Severity), c.Title,
            c.Text ?? $"Incident #{c.IncidentId} {c.Change}: {c.Title}", $"/incidents/{c.IncidentId}", c.Recipients, c.ToAdmins),
        OwnerNotificationRequested o => new(null, "owner notified", IncidentSeverity.Medium,
            $"Rule \"{o.RuleName}\" asks you to look at {Records(o.Records)} of flow {o.FlowName}",
            $"In {(o.RunId is { } run ? $"run #{run}" : "a run")} of flow {o.FlowName}, the rule \"{o.RuleName}\" asked for the owner to be notified for "
                + $"{Records(o.Records)}{(o.FirstRecordId is { } first ? $" (the first: {first})" : "")}.",
            o.RunId is { } id ? $"/runs/{id}" : $"/flows/{o.FlowId}", o.Owner.Length > 0 ? [o.Owner] : [], o.Owner.Length == 0),
        _ => null,
    };

    /// <summary>The email subject: severity first, so a mail client's list reads at a glance.</summary>
    public string Subject => Change == IncidentChanges.Digest ? Title : IncidentId is { } id ? $"[{Severity}] Incident #{id} {Change}: {Title}" : $"[{Severity}] {Title}";

    private static string Records(int count) => count == 1 ? "1 record" : count.ToString("N0", CultureInfo.InvariantCulture) + " records";
}
