using System.Globalization;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// One changed field of an audit row as the log shows it: <see cref="Label"/> and the texts in business words
/// ("Decided by", "Grace Hopper (grace@example.com)"), with the stored field name and values beside them for the detail.
/// </summary>
public sealed record AuditChangeLine(string Field, string Label, string? Old, string? New, string? OldText, string? NewText)
{
    /// <summary>The lines of a row: each field labelled, each id it holds named where it is known.</summary>
    public static IReadOnlyList<AuditChangeLine> Of(AuditEntry entry, AuditNames names) =>
        AuditChange.Parse(entry.Changes).Select(c => new AuditChangeLine(c.Field, LabelOf(c.Field), c.Old, c.New,
            Readable(c.Field, c.Old, names), Readable(c.Field, c.New, names))).ToList();

    /// <summary>
    /// Keys, hashes and stored JSON: kept in the row's detail, left out of its one-glance summary, where the action
    /// already says what they amount to.
    /// </summary>
    public bool IsBookkeeping =>
        Field is "Id" or "ChangeRequestId" || Field.EndsWith("Json", StringComparison.Ordinal) || Field.EndsWith("Hash", StringComparison.Ordinal)
        || Field.EndsWith("Stamp", StringComparison.Ordinal);

    private static string LabelOf(string field) =>
        field.EndsWith("Json", StringComparison.Ordinal) && field.Length > 4 ? AuditActionNames.Words(field[..^4]) + " (JSON)"
        : IsTime(field) ? AuditActionNames.Words(field[..^3]) + " (UTC)"
        : AuditActionNames.Words(field);

    /// <summary>Ids as names, roles by their label, stored times (ISO 8601, to the tick) to the second.</summary>
    private static string? Readable(string field, string? value, AuditNames names) =>
        value is null ? null
        : field == "RoleId" ? AuditActionNames.RoleName(value)
        : IsTime(field) && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC"
        : names.Any(value) ?? value;

    private static bool IsTime(string field) => field.EndsWith("Utc", StringComparison.Ordinal) && field.Length > 3;
}
