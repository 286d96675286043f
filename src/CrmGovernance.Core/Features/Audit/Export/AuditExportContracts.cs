namespace CrmGovernance.Core.Features.Audit.Export;

/// <param name="ExportedBy">Shown on the cover sheet and recorded in the export's audit event.</param>
/// <param name="StyledRowLimit">Up to this many sheet rows the workbook is a styled ClosedXML workbook; beyond, streamed.</param>
/// <param name="SheetRowLimit">Rows per sheet including the header (Excel's limit; tests lower it).</param>
public sealed record AuditExportOptions(string ExportedBy, int StyledRowLimit = 50_000, int SheetRowLimit = 1_048_576);

/// <param name="Entries">Audit rows exported; <paramref name="Rows"/> is sheet rows (one per changed field).</param>
/// <param name="Sheets">Data sheets ("Log", "Log 2", …), the cover not counted.</param>
/// <param name="HeadHash">The hash of the row at <paramref name="HeadSequence"/>, the head when the export started.</param>
public sealed record AuditExportResult(long Entries, long Rows, int Sheets, bool Streamed, ChainVerificationResult Chain, long HeadSequence, string HeadHash)
{
    public IReadOnlyList<string> SheetNames { get; init; } = [];

    /// <summary>Values longer than Excel's 32,767 characters per cell, cut (the cover says so).</summary>
    public int CutValues { get; init; }
}

/// <summary>Progress of a running export, in audit rows (entries): written so far out of those matching the filter.</summary>
public readonly record struct AuditExportProgress(long EntriesWritten, long EntriesTotal);
