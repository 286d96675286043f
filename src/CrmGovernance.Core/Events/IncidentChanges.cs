namespace CrmGovernance.Core.Events;

/// <summary>The <see cref="IncidentChanged.Change"/> values.</summary>
public static class IncidentChanges
{
    public const string Opened = "opened";
    public const string Reopened = "reopened";
    public const string Acknowledged = "acknowledged";
    public const string Escalated = "escalated";
    public const string Resolved = "resolved";
    public const string Recovered = "recovered";
    public const string Expired = "expired";
    public const string SeverityChanged = "severity changed";
    public const string OwnershipGap = "ownership gap";
    public const string Digest = "digest";
}
