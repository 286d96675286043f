namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>The columns of an exported log sheet, in order, with widths (in characters) that fit typical values.</summary>
internal static class AuditSheetColumns
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "Sequence", "Time (UTC)", "Actor", "Action", "Entity", "Entity id", "Field", "Old value", "New value",
        "Source", "Change request", "Correlation id", "Row hash",
    ];

    // Set, not measured: measuring every cell (AdjustToContents) costs seconds and needs GDI+.
    public static readonly IReadOnlyList<double> Widths = [11, 30, 28, 16, 20, 24, 22, 40, 40, 10, 15, 30, 68];

    /// <summary>The cover: labels, then values.</summary>
    public static readonly IReadOnlyList<double> CoverWidths = [30, 110];

    /// <summary>The data sheets: "Log", "Log 2", "Log 3", …</summary>
    public static string SheetName(int number) => number == 1 ? "Log" : $"Log {number}";
}
