using System.Globalization;
using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Versions;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// The one place that says what an audit row means in business words, from its entity type, action, changed fields
/// and their before and after: "Approved CR-12" (not "Update ChangeRequest DecidedById"), "Published version 4",
/// "Granted role Steward to Grace Hopper (grace@example.com)". The log page, the audit export and the change request
/// report all read it. A row it has no words for reads as its action and entity split into words.
/// </summary>
public static class AuditActionNames
{
    /// <summary>What the row records, as a sentence without a full stop.</summary>
    public static string Describe(AuditEntry entry, AuditNames names) => Describe(entry, AuditChange.Parse(entry.Changes), names);

    /// <summary>As <see cref="Describe(AuditEntry, AuditNames)"/>, for a caller that has parsed the row's changes already (the export).</summary>
    internal static string Describe(AuditEntry entry, IReadOnlyList<AuditChange> changes, AuditNames names)
    {
        // A field named twice (only a hand-made row could) keeps its first value rather than failing the page.
        var fields = new Dictionary<string, AuditChange>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            fields.TryAdd(change.Field, change);
        }
        return Clip(entry.Action switch
        {
            AuditActions.Insert or AuditActions.Update or AuditActions.Delete => AuditEntityActionNames.Describe(entry, fields, names),
            _ => Event(entry, fields, names),
        });
    }

    /// <summary>The longest action text: stored values it quotes (an id, a title) may be any length, and the row's detail keeps them whole.</summary>
    public const int MaxLength = 160;

    private static string Clip(string text) => text.Length <= MaxLength ? text : text[..(MaxLength - 1)] + "…";

    /// <summary>An action code as the action filter offers it: "Update" reads "Changed", "NotDuplicate" "Not a duplicate".</summary>
    public static string OfCode(string action) => action switch
    {
        AuditActions.Insert => "Created",
        AuditActions.Update => "Changed",
        AuditActions.Delete => "Deleted",
        AuditActions.SignIn => "Signed in",
        AuditActions.SignInFailed => "Sign-in failed",
        AuditActions.LockedOut => "Locked out",
        AuditActions.SignOut => "Signed out",
        AuditActions.TwoFactorReset => "Two-factor reset",
        AuditActions.SyncRunStarted => "Run started",
        AuditActions.SyncDryRunStarted => "Dry run started",
        AuditActions.ErrorQueueDiscard => "Error queue items discarded",
        AuditActions.ReviewMerge => "Records merged",
        AuditActions.ReviewUnmerge => "Merge undone",
        AuditActions.ReviewNotDuplicate => "Marked not a duplicate",
        AuditActions.ReviewDefer => "Review deferred",
        AuditActions.ReviewAssign => "Review assigned",
        AuditActions.DuplicateScanStarted => "Duplicate scan started",
        AuditActions.DuplicateScanFedToReview => "Scan sent to review",
        AuditActions.AuditExported => "Audit log exported",
        AuditActions.ChangeRequestReportExported => "Change request report exported",
        AuditActions.ConfigurationExported => "Configuration exported",
        AuditActions.ReviewApplyHeldChange => "Held change applied",
        AuditActions.ReviewDismissHeldChange => "Held change dismissed",
        AuditActions.AccessTokenRevoked => "Access token revoked",
        _ => Words(action),
    };

    private static string Event(AuditEntry entry, Dictionary<string, AuditChange> details, AuditNames names)
    {
        string? Detail(string key) => details.TryGetValue(key, out var d) ? d.New : null;
        var count = Detail("count");
        var id = entry.EntityId;
        return entry.Action switch
        {
            AuditActions.SignIn when Detail("stage") is not null => "Entered the password; second factor next",
            AuditActions.SignIn => Detail("method") is { } method and not "password" ? $"Signed in with {method}" : "Signed in",
            AuditActions.SignInFailed => Detail("reason") is { } reason ? $"Sign-in failed: {reason}" : "Sign-in failed",
            AuditActions.LockedOut => "Locked out after repeated failed sign-ins",
            AuditActions.SignOut => "Signed out",
            AuditActions.TwoFactorReset => $"Reset two-factor sign-in of {names.User(id) ?? Detail("email") ?? "a user"}",
            AuditActions.SyncRunStarted => Detail("trigger") == "Replay"
                ? $"Started replay run {id} of flow {Detail("flow")}"
                : $"Started run {id} of flow {Detail("flow")}",
            AuditActions.SyncDryRunStarted => $"Started dry run {id} of flow {Detail("flow")}" +
                (names.ChangeRequest(Guid.TryParse(Detail("changeRequest"), out var request) ? request : null) is { } label ? $" for {label}" : ""),
            AuditActions.ErrorQueueDiscard => $"Discarded {Count(count, "error queue item")}",
            AuditActions.ReviewMerge => $"Merged two {Detail("object") ?? "records"} records in {Detail("system") ?? "a system"} (review item {id})",
            AuditActions.ReviewUnmerge => $"Undid the merge of review item {id}",
            AuditActions.ReviewNotDuplicate => $"Marked {Count(count, "pair")} as not duplicates",
            AuditActions.ReviewDefer => $"Deferred {Count(count, "review item")}",
            AuditActions.ReviewAssign => Assigned(Detail("items")),
            AuditActions.ReviewApplyHeldChange =>
                $"Applied the held change from {Detail("sourceRecord") ?? "a source record"} to {Detail("object") ?? "record"} {Detail("record")} in {Detail("system") ?? "a system"} (review item {id})",
            AuditActions.ReviewDismissHeldChange =>
                $"Kept the existing values of {Detail("record") ?? "a record"}: dismissed the held change from {Detail("sourceRecord") ?? "a source record"} (review item {id})",
            AuditActions.AccessTokenRevoked => $"Revoked access token “{Detail("name") ?? id}”" + (Detail("prefix") is { } prefix ? $" ({prefix})" : "")
                + (Detail("owner") is { } owner ? $" of {owner}" : ""),
            AuditActions.DuplicateScanStarted => $"Started duplicate scan {id} of {Detail("object")} in {Detail("system")}",
            AuditActions.DuplicateScanFedToReview => $"Sent {Count(Detail("filed"), "pair")} from duplicate scan {id} to the review queue",
            AuditActions.AuditExported => $"Exported the audit log ({Count(Detail("entries"), "entry", "entries")})",
            AuditActions.ChangeRequestReportExported => Detail("request") is { } one
                ? $"Exported the report of {one}"
                : $"Exported a report of {Count(Detail("requests"), "change request")}",
            AuditActions.ConfigurationExported => entry.EntityType == "Flow"
                ? $"Exported the mappings of flow {Detail("flow") ?? names.ConfigurationItem(Guid.TryParse(id, out var flow) ? flow : Guid.Empty) ?? id} as a workbook"
                : $"Exported version {Detail("version") ?? id} as {(Detail("format") ?? "a file").ToUpperInvariant()}",
            _ => $"{Words(entry.Action)} ({Words(entry.EntityType).ToLowerInvariant()})",
        };
    }

    private static string Assigned(string? itemsJson)
    {
        try
        {
            using var items = JsonDocument.Parse(itemsJson ?? "[]");
            var list = items.RootElement.EnumerateArray().ToList();
            var to = list.Select(i => i.TryGetProperty("after", out var a) ? a.GetString() : null).Distinct().ToList();
            var who = to is [{ } one] ? one : to is [null] ? null : "several people";
            return who is null ? $"Unassigned {Count(list.Count.ToString(CultureInfo.InvariantCulture), "review item")}"
                : $"Assigned {Count(list.Count.ToString(CultureInfo.InvariantCulture), "review item")} to {who}";
        }
        catch (JsonException)
        {
            return "Assigned review items";
        }
    }

    /// <summary>"1 pair", "3 pairs"; "pairs" when the count is missing.</summary>
    internal static string Count(string? count, string one, string? many = null) =>
        count is null ? many ?? one + "s" : count == "1" ? $"1 {one}" : $"{count} {many ?? one + "s"}";

    /// <summary>"ChangeRequestItem" → "Change request item", "DecidedById" → "Decided by".</summary>
    public static string Words(string name) => DiffFieldLabels.Humanise(name);

    internal static string RoleName(string? role) => role is null ? "a role" : Roles.Describe(role);
}
