using ClosedXML.Excel;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>
/// The log as a styled ClosedXML workbook, for exports small enough to hold in memory: bold header, frozen header row,
/// autofilter and set column widths on each log sheet, the cover first.
/// </summary>
internal sealed class StyledAuditWorkbook : IAuditWorkbook
{
    private readonly Stream _output;
    private readonly int _sheetRowLimit;
    private readonly XLWorkbook _workbook = new();
    private readonly CellFitter _fitter = new();
    private readonly List<IXLWorksheet> _sheets = [];
    private IXLWorksheet _sheet;
    private int _sheetRow;

    public StyledAuditWorkbook(Stream output, int sheetRowLimit)
    {
        _output = output;
        _sheetRowLimit = sheetRowLimit;
        _sheet = NextSheet();
    }

    public bool Streamed => false;
    public long Rows { get; private set; }
    public int CutValues => _fitter.Cut;
    public IReadOnlyList<string> Sheets => [.. _sheets.Select(s => s.Name)];

    /// <summary>
    /// False for a row ClosedXML 0.95.4 cannot carry exactly: it writes a carriage return as a line feed (its XML
    /// writer's newline handling), and reads text like "_x0041_" back as "A". Such exports are streamed instead.
    /// </summary>
    public static bool CanHold(AuditSheetRow row) =>
        row.TextColumns().All(v => v is null || (!v.Contains('\r', StringComparison.Ordinal) && XlsxUtf8Writer.EscapeLookalike(v) < 0));

    public void Add(AuditSheetRow row)
    {
        if (_sheetRow >= _sheetRowLimit)
        {
            _sheet = NextSheet();
        }
        var r = ++_sheetRow;
        _sheet.Cell(r, 1).SetValue(row.Entry.Sequence);
        SpreadsheetCells.Text(_sheet.Cell(r, 2), AuditSheetRow.Time(row.Entry.TimeUtc));
        var column = 3;
        foreach (var value in row.TextColumns())
        {
            var cell = _sheet.Cell(r, column++);
            if (!string.IsNullOrEmpty(value))
            {
                SpreadsheetCells.Text(cell, _fitter.Fit(value));
            }
        }
        Rows++;
    }

    public void Finish(AuditExportCover cover)
    {
        foreach (var sheet in _sheets)
        {
            var last = sheet == _sheet ? _sheetRow : _sheetRowLimit;
            sheet.Range(1, 1, last, AuditSheetColumns.Headers.Count).SetAutoFilter();
        }
        WriteCover(_workbook.Worksheets.Add("Cover", 1), cover);
        _workbook.Worksheet(1).SetTabActive();
        _workbook.SaveAs(_output);
    }

    public void Dispose() => _workbook.Dispose();

    private static void WriteCover(IXLWorksheet sheet, AuditExportCover cover)
    {
        sheet.Column(1).Width = AuditSheetColumns.CoverWidths[0];
        sheet.Column(2).Width = AuditSheetColumns.CoverWidths[1];
        var title = SpreadsheetCells.Text(sheet.Cell(1, 1), AuditExportCover.Title);
        title.Style.Font.Bold = true;
        title.Style.Font.FontSize = 14;
        var row = 2;
        foreach (var (label, value) in cover.Lines())
        {
            if (label is not null)
            {
                SpreadsheetCells.Text(sheet.Cell(row, 1), label).Style.Font.Bold = true;
            }
            if (value is not null)
            {
                // Filter values are what a user typed: formula-safe like every other value.
                SpreadsheetCells.Text(sheet.Cell(row, 2), value);
            }
            row++;
        }
    }

    private IXLWorksheet NextSheet()
    {
        var sheet = _workbook.Worksheets.Add(AuditSheetColumns.SheetName(_sheets.Count + 1));
        _sheets.Add(sheet);
        for (var c = 0; c < AuditSheetColumns.Headers.Count; c++)
        {
            sheet.Column(c + 1).Width = AuditSheetColumns.Widths[c];
        }
        SpreadsheetCells.HeaderRow(sheet, AuditSheetColumns.Headers);
        _sheetRow = 1;
        return sheet;
    }
}
