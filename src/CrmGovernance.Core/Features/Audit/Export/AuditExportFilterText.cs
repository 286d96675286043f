namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>An <see cref="AuditLogFilter"/> in words, for the cover sheet and the export's audit event.</summary>
internal static class AuditExportFilterText
{
    public const string Any = "any";

    /// <summary>Every filter with its value, or "any"; the change request as its label, the search text in quotes.</summary>
    public static IReadOnlyList<(string Name, string Value)> Describe(AuditLogFilter filter, string? changeRequestLabel) =>
    [
        ("From (UTC, included)", Time(filter.FromUtc)),
        ("To (UTC, not included)", Time(filter.ToUtc)),
        ("Actor", Text(filter.Actor)),
        ("Entity type", Text(filter.EntityType)),
        ("Entity id", Text(filter.EntityId)),
        ("Action", Text(filter.Action)),
        ("Change request", filter.ChangeRequestId is null ? Any : changeRequestLabel ?? filter.ChangeRequestId.Value.ToString("D")),
        ("Source", Text(filter.Source)),
        ("Search in values", string.IsNullOrWhiteSpace(filter.Search) ? Any : $"\"{filter.Search.Trim()}\""),
    ];

    /// <summary>True when no filter is set: the export is the whole chain up to its head.</summary>
    public static bool IsEmpty(AuditLogFilter filter) => Describe(filter, null).All(f => f.Value == Any);

    /// <summary>The filters that are set, on one line ("all rows" when none is).</summary>
    public static string Summary(IReadOnlyList<(string Name, string Value)> described)
    {
        var set = described.Where(f => f.Value != Any).Select(f => $"{f.Name}: {f.Value}").ToList();
        return set.Count == 0 ? "all rows" : string.Join("; ", set);
    }

    private static string Time(DateTime? value) =>
        value is { } time ? AuditSheetRow.Time(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time) : Any;

    private static string Text(string? value) => string.IsNullOrWhiteSpace(value) ? Any : value.Trim();
}
