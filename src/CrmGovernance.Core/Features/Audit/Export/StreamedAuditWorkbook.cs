using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>
/// The log written row by row into a streamed .xlsx (<see cref="XlsxPackageWriter"/>): sheets "Log", "Log 2", … of at most
/// the sheet row limit each (header included), then the cover, which is written last (it needs the totals and the
/// chain's verification) but is the first tab.
/// </summary>
internal sealed class StreamedAuditWorkbook : IAuditWorkbook
{
    private readonly XlsxPackageWriter _package;
    private readonly int _sheetRowLimit;
    private readonly CellFitter _fitter = new();
    private readonly List<string> _sheets = [];
    private XlsxSheetWriter _sheet;

    public StreamedAuditWorkbook(Stream output, int sheetRowLimit)
    {
        _package = new XlsxPackageWriter(output);
        _sheetRowLimit = sheetRowLimit;
        _sheet = NextSheet();
    }

    public bool Streamed => true;
    public long Rows { get; private set; }
    public int CutValues => _fitter.Cut;
    public IReadOnlyList<string> Sheets => _sheets;

    public void Finish(AuditExportCover cover)
    {
        _package.EndSheet();
        var sheet = _package.BeginSheet("Cover", AuditSheetColumns.CoverWidths, frozenHeader: false, firstTab: true);
        sheet.StartRow();
        sheet.Text(AuditExportCover.Title, XlsxStyles.Title);
        sheet.EndRow();
        foreach (var (label, value) in cover.Lines())
        {
            sheet.StartRow();
            sheet.Text(label, XlsxStyles.Label);
            // Filter values are what a user typed: formula-safe like every other value.
            sheet.Text(value is null ? null : SpreadsheetText.FitCell(value));
            sheet.EndRow();
        }
        _package.Complete();
    }

    public void Dispose() => _package.Dispose();

    public void Add(AuditSheetRow row)
    {
        if (_sheet.Rows >= _sheetRowLimit)
        {
            _sheet = NextSheet();
        }
        var sheet = _sheet;
        sheet.StartRow();
        sheet.Number(row.Entry.Sequence);
        sheet.Time(AuditSheetRow.AsUtc(row.Entry.TimeUtc));
        foreach (var value in row.TextColumns())
        {
            sheet.Text(_fitter.Fit(value));
        }
        sheet.EndRow();
        Rows++;
    }

    private XlsxSheetWriter NextSheet()
    {
        _package.EndSheet();
        var name = AuditSheetColumns.SheetName(_sheets.Count + 1);
        _sheets.Add(name);
        var sheet = _package.BeginSheet(name, AuditSheetColumns.Widths, frozenHeader: true);
        sheet.StartRow();
        foreach (var header in AuditSheetColumns.Headers)
        {
            sheet.Text(header, XlsxStyles.Header);
        }
        sheet.EndRow();
        return sheet;
    }
}
