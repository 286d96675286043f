using CrmGovernance.Core.Access;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// The business words for rows the interceptor writes (an insert, update or delete of an audited entity), read from
/// which fields changed and how: a change request whose status became Approved was approved, a user role inserted
/// was granted. Part of <see cref="AuditActionNames"/>.
/// </summary>
internal static class AuditEntityActionNames
{
    public static string Describe(AuditEntry entry, Dictionary<string, AuditChange> fields, AuditNames names)
    {
        AuditChange? Field(string name) => fields.GetValueOrDefault(name);
        string? Now(string name) => Field(name) is { } c ? c.New ?? c.Old : null;
        var (insert, delete) = (entry.Action == AuditActions.Insert, entry.Action == AuditActions.Delete);
        return entry.EntityType switch
        {
            "ChangeRequest" => ChangeRequest(entry, fields, names),
            "ChangeRequestItem" => RequestItem(entry, Field, names),
            "ConfigurationVersion" when insert => $"Published version {Now("Number") ?? entry.EntityId}",
            "UserRole" => UserRole(entry, Now, names, insert, delete),
            "User" => User(entry, fields, names, insert, delete),
            "InboundApiKey" when insert => $"Created inbound key {Now("Name")} for {Now("SystemKey")}",
            "InboundApiKey" when Field("RevokedUtc") is { New: not null } => $"Revoked inbound key {Now("Name") ?? entry.EntityId}",
            "ScenarioCheck" when insert => ScenarioCheck(entry, Now, names),
            "SignOff" => SignOff(entry, Field, Now, names, insert, delete),
            "AccessToken" or "Notification webhook" or "Incident" or "Baseline" or "Notification preference" =>
                AuditNamedEntityActions.Describe(entry, fields, Named(entry, fields, names), insert, delete),
            _ => Generic(entry, fields, insert, delete),
        };
    }

    /// <summary>
    /// The fields that name an entity of these types, read from the row itself (an insert or delete carries them) or, for
    /// an update that did not change them, from the entity's insert row (<see cref="AuditNames.Entity"/>).
    /// </summary>
    internal static readonly IReadOnlyDictionary<string, string> NameFields = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AccessToken"] = "Name", ["Notification webhook"] = "Name", ["Incident"] = "Title", ["Baseline"] = "Name", ["Notification preference"] = "UserEmail",
        ["SignOff"] = "ReviewerName",
    };

    private static string? Named(AuditEntry entry, Dictionary<string, AuditChange> fields, AuditNames names) =>
        NameFields.TryGetValue(entry.EntityType, out var field) && fields.TryGetValue(field, out var change) && (change.New ?? change.Old) is { Length: > 0 } name
            ? name
            : names.Entity(entry.EntityType, entry.EntityId);

    private static string ScenarioCheck(AuditEntry entry, Func<string, string?> now, AuditNames names)
    {
        var label = names.ChangeRequest(entry.ChangeRequestId) ?? "a change request";
        return now("Kind") switch
        {
            "Override" => $"Let {label} through although scenarios fail",
            var kind => $"Tried {label} on its scenarios{(kind is "Submit" ? " at submission" : kind is "Approve" ? " at approval" : "")}: "
                + (now("Passed") == "true" ? $"all {now("Scenarios")} passed" : $"{now("Failed")} of {now("Scenarios")} failed"),
        };
    }

    private static string SignOff(AuditEntry entry, Func<string, AuditChange?> field, Func<string, string?> now, AuditNames names, bool insert, bool delete)
    {
        var label = names.ChangeRequest(entry.ChangeRequestId) ?? "a change request";
        var reviewer = now("ReviewerName") ?? now("ReviewerEmail") ?? names.Entity(entry.EntityType, entry.EntityId) ?? "a reviewer";
        return insert ? $"Asked {reviewer} to sign off {label}"
            : delete ? $"Stopped asking {reviewer} to sign off {label}"
            : field("Decision")?.New switch
            {
                "SignedOff" => $"{reviewer} signed off {label}",
                "Concern" => $"{reviewer} raised a concern on {label}",
                _ => $"Changed the sign-off of {reviewer} on {label}",
            };
    }

    private static string ChangeRequest(AuditEntry entry, Dictionary<string, AuditChange> fields, AuditNames names)
    {
        var label = names.ChangeRequest(entry.ChangeRequestId)
            ?? (fields.TryGetValue("Number", out var number) && number.New is { } n ? "CR-" + n : "a change request");
        if (entry.Action == AuditActions.Insert)
        {
            return fields.TryGetValue("Title", out var title) && !string.IsNullOrEmpty(title.New) ? $"Drafted {label} “{title.New}”" : $"Drafted {label}";
        }
        if (entry.Action == AuditActions.Delete)
        {
            return $"Deleted {label}";
        }
        if (fields.TryGetValue("Status", out var status))
        {
            return status.New switch
            {
                "Submitted" => $"Submitted {label}",
                "Approved" => $"Approved {label}",
                "Rejected" => $"Rejected {label}",
                "Withdrawn" => $"Withdrew {label}",
                "Draft" => $"Returned {label} to draft",
                _ => $"Moved {label} to {status.New}",
            };
        }
        return $"Edited {label} ({FieldList(fields.Keys)})";
    }

    private static string RequestItem(AuditEntry entry, Func<string, AuditChange?> field, AuditNames names)
    {
        var label = names.ChangeRequest(entry.ChangeRequestId) ?? "a change request";
        var id = Guid.TryParseExact(entry.EntityId, "D", out var itemId) ? itemId : Guid.Empty;
        var name = field("DisplayName") is { } display ? display.New ?? display.Old : null;
        name ??= names.RequestItem(id) ?? "an item";
        if (entry.Action == AuditActions.Insert)
        {
            return field("BeforeJson") is null or { New: null } ? $"Added new {name} to {label}"
                : field("AfterJson") is null or { New: null } ? $"Added the removal of {name} to {label}"
                : $"Added a change to {name} to {label}";
        }
        return entry.Action == AuditActions.Delete ? $"Took {name} out of {label}" : $"Edited {name} in {label}";
    }

    private static string UserRole(AuditEntry entry, Func<string, string?> now, AuditNames names, bool insert, bool delete)
    {
        var key = (entry.EntityId ?? "").Split(':');
        var userId = now("UserId") ?? key[0];
        var role = AuditActionNames.RoleName(now("RoleId") ?? (key.Length > 1 ? key[1] : null));
        var user = names.User(userId) ?? userId;
        return insert ? $"Granted role {role} to {user}" : delete ? $"Revoked role {role} from {user}" : $"Changed role {role} of {user}";
    }

    private static string User(AuditEntry entry, Dictionary<string, AuditChange> fields, AuditNames names, bool insert, bool delete)
    {
        AuditChange? Field(string name) => fields.GetValueOrDefault(name);
        string? Now(string name) => Field(name) is { } c ? c.New ?? c.Old : null;
        var who = names.User(entry.EntityId) ?? Now("Email") ?? Now("UserName") ?? entry.EntityId ?? "a user";
        if (insert || delete)
        {
            return insert ? $"Created user {who}" : $"Deleted user {who}";
        }
        return Field("IsDisabled")?.New switch
        {
            "true" => $"Disabled user {who}",
            "false" => $"Enabled user {who}",
            _ => Field("PasswordHash") is not null ? $"Changed the password of {who}"
                : Field("TwoFactorEnabled")?.New == "true" ? $"Turned on two-factor sign-in for {who}"
                : Field("TwoFactorEnabled")?.New == "false" ? $"Turned off two-factor sign-in for {who}"
                : $"Edited user {who} ({FieldList(fields.Keys)})",
        };
    }

    private static string Generic(AuditEntry entry, Dictionary<string, AuditChange> fields, bool insert, bool delete)
    {
        var what = AuditActionNames.Words(entry.EntityType).ToLowerInvariant();
        return insert ? $"Created {what} {entry.EntityId}".TrimEnd()
            : delete ? $"Deleted {what} {entry.EntityId}".TrimEnd()
            : $"Changed {what} {entry.EntityId} ({FieldList(fields.Keys)})";
    }

    /// <summary>"title, reason" from "Title", "Reason".</summary>
    internal static string FieldList(IEnumerable<string> fields) =>
        string.Join(", ", fields.Select(f => AuditActionNames.Words(f).ToLowerInvariant()));
}
