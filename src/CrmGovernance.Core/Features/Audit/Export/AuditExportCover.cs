using System.Globalization;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>What the cover sheet says: the filters, who exported when, the counts, and the chain's verification.</summary>
internal sealed record AuditExportCover(
    IReadOnlyList<(string Name, string Value)> Filters, string ExportedBy, DateTime ExportedUtc, long Entries, long Rows,
    long? FirstSequence, long? LastSequence, ChainVerificationResult Chain, long HeadSequence, string HeadHash, int CutValues,
    IReadOnlyList<string> Sheets)
{
    public const string Title = "Audit log export";

    /// <summary>"Intact: N rows verified up to row H", or "BROKEN at row N: the problem".</summary>
    public string ChainStatus => Chain.IsIntact
        ? Invariant($"Intact: {Chain.RowsChecked:N0} rows verified up to row {Chain.HeadSequence:N0}")
        : Invariant($"BROKEN at row {Chain.FirstBrokenSequence:N0}: {Chain.Problem}");

    /// <summary>Label and value per line; a null label is a blank line, a label without a value a section heading.</summary>
    public IReadOnlyList<(string? Label, string? Value)> Lines()
    {
        var lines = new List<(string? Label, string? Value)> { (null, null), ("Filters", null) };
        lines.AddRange(Filters.Select(f => ((string?)f.Name, (string?)f.Value)));
        lines.Add((null, null));
        lines.Add(("Export", null));
        lines.Add(("Exported by", ExportedBy));
        lines.Add(("Exported at (UTC)", AuditSheetRow.Time(ExportedUtc)));
        lines.Add(("Audit rows (entries)", Invariant($"{Entries:N0}")));
        lines.Add(("Sheet rows (one per changed field)", Invariant($"{Rows:N0}")));
        lines.Add(("Sequence range", FirstSequence is { } first ? Invariant($"{first:N0} to {LastSequence:N0}") : "none (no audit row matches the filters)"));
        lines.Add(("Data sheets", string.Join(", ", Sheets)));
        if (CutValues > 0)
        {
            lines.Add(("Values cut", Invariant($"{CutValues:N0} values were longer than Excel's 32,767 characters per cell; each is cut and ends with a note of its full length")));
        }
        lines.Add((null, null));
        lines.Add(("Chain verification", null));
        lines.Add(("Status", ChainStatus));
        lines.Add(("Head sequence", Invariant($"{HeadSequence}")));
        lines.Add(("Head hash", HeadHash));
        if (!Chain.IsIntact)
        {
            lines.Add(("Last verified row", Chain.HeadSequence == 0 ? "none" : Invariant($"{Chain.HeadSequence} (hash {Chain.HeadHash})")));
        }
        lines.Add(("How to check again", Invariant(
            $"Run \"crmgov audit verify\" on the portal's server (or Verify chain on the portal's audit page); the chain must verify, and its row {HeadSequence} must still have the head hash above.")));
        return lines;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
