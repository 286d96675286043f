using ClosedXML.Excel;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Audit.Reports;

/// <summary>
/// One table sheet of the change request report: a bold frozen header with filters and fixed column widths, then rows
/// written left to right. Text goes through <see cref="SpreadsheetCells"/>, so nothing in it is ever evaluated.
/// </summary>
internal sealed class ReportSheet
{
    public const string DateFormat = "yyyy-mm-dd hh:mm:ss";

    private readonly IXLWorksheet _sheet;
    private readonly int _columns;
    private int _row = 1;
    private int _column = 1;

    /// <param name="columns">Header and width of each column. Widths are fixed: AdjustToContents() needs libgdiplus.</param>
    public ReportSheet(IXLWorkbook workbook, string name, params (string Header, double Width)[] columns)
    {
        _sheet = workbook.Worksheets.Add(name);
        _columns = columns.Length;
        for (var i = 0; i < columns.Length; i++)
        {
            _sheet.Column(i + 1).Width = columns[i].Width;
        }
        SpreadsheetCells.HeaderRow(_sheet, columns.Select(c => c.Header).ToList());
    }

    /// <summary>Rows written so far, the header not counted.</summary>
    public int Rows => _row - 1;

    public ReportSheet Row()
    {
        _row++;
        _column = 1;
        return this;
    }

    public ReportSheet Text(string? value)
    {
        SpreadsheetCells.Text(Next(), value);
        return this;
    }

    public ReportSheet Time(DateTime? utc)
    {
        var cell = Next();
        if (utc is { } value)
        {
            cell.SetValue(value);
            cell.Style.DateFormat.Format = DateFormat;
        }
        return this;
    }

    public ReportSheet Number(long? value)
    {
        var cell = Next();
        if (value is { } number)
        {
            cell.SetValue(number);
        }
        return this;
    }

    /// <summary>Filters over the header and every row; long text wraps at the top of its cell.</summary>
    public void Finish()
    {
        var range = _sheet.Range(1, 1, Math.Max(2, _row), _columns);
        range.SetAutoFilter();
        if (_row > 1)
        {
            var body = _sheet.Range(2, 1, _row, _columns);
            body.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        }
    }

    private IXLCell Next() => _sheet.Cell(_row, _column++);
}
