using System.Globalization;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>
/// One row of a log sheet: an audit entry and one of its changed fields (none for an entry without fields), in the
/// order of <see cref="AuditSheetColumns.Headers"/>. The action is named as the log page names it ("Approved CR-12");
/// the entity and field columns keep what was stored.
/// </summary>
internal readonly record struct AuditSheetRow(AuditEntry Entry, AuditChange? Change, string? ChangeRequest, string Action)
{
    /// <summary>The sheet rows of an entry: one per changed field, or one with empty field columns.</summary>
    public static IEnumerable<AuditSheetRow> Of(AuditEntry entry, IReadOnlyDictionary<Guid, string> changeRequestLabels, AuditNames names)
    {
        var label = Label(entry.ChangeRequestId, changeRequestLabels);
        var changes = AuditChange.Parse(entry.Changes);
        var action = AuditActionNames.Describe(entry, changes, names);
        if (changes.Count == 0)
        {
            yield return new AuditSheetRow(entry, null, label, action);
            yield break;
        }
        foreach (var change in changes)
        {
            yield return new AuditSheetRow(entry, change, label, action);
        }
    }

    /// <summary>"CR-12"; the id itself when the request is not (or no longer) known.</summary>
    public static string? Label(Guid? changeRequestId, IReadOnlyDictionary<Guid, string> labels) =>
        changeRequestId is { } id ? labels.TryGetValue(id, out var label) ? label : id.ToString("D") : null;

    /// <summary>The time as it appears in the sheet: ISO 8601 UTC, to the tick.</summary>
    public static string Time(DateTime utc) => AsUtc(utc).ToString("O", CultureInfo.InvariantCulture);

    public static DateTime AsUtc(DateTime time) => time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Utc);

    /// <summary>The text columns after Sequence and Time, in order (values not yet fitted to a cell).</summary>
    public string?[] TextColumns() =>
    [
        Entry.ActorName, Action, Entry.EntityType, Entry.EntityId, Change?.Field, Change?.Old, Change?.New,
        Entry.Source, ChangeRequest, Entry.CorrelationId, Entry.Hash,
    ];
}
