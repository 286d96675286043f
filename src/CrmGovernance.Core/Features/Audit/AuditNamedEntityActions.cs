namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Business words for the audited entities added after the first ones (access tokens, notification webhooks and
/// preferences, incidents, insight baselines), by name rather than id: "Created access token “CI export” (crmg_1a2b3c4d)
/// for ada@example.com", "Acknowledged incident #12 “Marketing automation is unavailable”". Part of <see cref="AuditEntityActionNames"/>.
/// </summary>
internal static class AuditNamedEntityActions
{
    /// <param name="name">The entity's name (from the row, or from its insert row), or null when neither holds it.</param>
    public static string Describe(AuditEntry entry, Dictionary<string, AuditChange> fields, string? name, bool insert, bool delete)
    {
        AuditChange? Field(string field) => fields.GetValueOrDefault(field);
        string? Now(string field) => Field(field) is { } c ? c.New ?? c.Old : null;
        var quoted = name is null ? null : $"“{name}”";
        var changed = AuditEntityActionNames.FieldList(fields.Keys);
        switch (entry.EntityType)
        {
            case "AccessToken":
                var token = quoted ?? entry.EntityId;
                return insert ? $"Created access token {token} ({Now("Prefix")}) for {Now("UserEmail")}"
                    : delete ? $"Deleted access token {token}"
                    : Field("RevokedUtc") is { New: not null } ? $"Revoked access token {token}"
                    : $"Changed access token {token} ({changed})";
            case "Notification webhook":
                var hook = quoted ?? entry.EntityId;
                return insert ? $"Added notification webhook {hook}"
                    : delete ? $"Deleted notification webhook {hook}"
                    : Field("Enabled")?.New switch { "true" => $"Turned on notification webhook {hook}", "false" => $"Turned off notification webhook {hook}", _ => $"Changed notification webhook {hook} ({changed})" };
            case "Incident":
                var incident = $"incident #{entry.EntityId}" + (quoted is null ? "" : " " + quoted);
                return insert ? $"Opened {incident}" : delete ? $"Deleted {incident}" : Incident(incident, Field, changed);
            case "Baseline":
                var baseline = quoted ?? entry.EntityId;
                return insert ? $"Set baseline {baseline} ({Day(Now("From"))} to {Day(Now("To"))})"
                    : delete ? $"Removed baseline {baseline}"
                    : $"Changed baseline {baseline} ({changed})";
            default:
                var whose = name ?? "a user";
                return delete ? $"Removed the notification preferences of {whose}" : $"Changed the notification preferences of {whose} ({changed})";
        }
    }

    /// <summary>A stored date ("03/02/2026", as the row keeps a DateOnly) as "2026-03-02".</summary>
    private static string? Day(string? stored) =>
        DateOnly.TryParse(stored, System.Globalization.CultureInfo.InvariantCulture, out var day) ? day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : stored;

    /// <summary>An incident's change, by what moved: its state first, then its owner or severity.</summary>
    private static string Incident(string incident, Func<string, AuditChange?> field, string changed) =>
        field("State") is { New: { } state } change
            ? state switch
            {
                "Acknowledged" => $"Acknowledged {incident}",
                "Resolved" => $"Resolved {incident}",
                "Closed" => $"Closed {incident}",
                "Open" when change.Old is "Resolved" or "Closed" => $"Reopened {incident}",
                _ => $"Moved {incident} to {state.ToLowerInvariant()}",
            }
            : field("Owner") is { New: { } owner } ? $"Handed {incident} to {owner}"
            : field("Severity") is { New: { } severity } ? $"Changed the severity of {incident} to {severity}"
            : $"Changed {incident} ({changed})";
}
