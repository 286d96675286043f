using ClosedXML.Excel;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Insights.Exports;

/// <summary>
/// One table sheet of the insights workbook: the product's header row, fixed column widths (AdjustToContents needs
/// libgdiplus), rows written left to right. Text goes through <see cref="SpreadsheetCells"/>, so a flow or reason named
/// "=HYPERLINK(…)" stays text; numbers are numbers, shares formatted as percentages.
/// </summary>
internal sealed class InsightsSheet
{
    public const string DateFormat = "yyyy-mm-dd hh:mm";
    private const string NumberFormat = "#,##0.##";
    private const string ShareFormat = "0.0%";

    private readonly IXLWorksheet _sheet;
    private readonly int _columns;
    private int _row = 1;
    private int _column = 1;

    public InsightsSheet(IXLWorkbook workbook, string name, params (string Header, double Width)[] columns)
    {
        _sheet = workbook.Worksheets.Add(name);
        _columns = columns.Length;
        for (var i = 0; i < columns.Length; i++)
        {
            _sheet.Column(i + 1).Width = columns[i].Width;
        }
        SpreadsheetCells.HeaderRow(_sheet, columns.Select(c => c.Header).ToList());
    }

    public InsightsSheet Row()
    {
        _row++;
        _column = 1;
        return this;
    }

    public InsightsSheet Text(string? value)
    {
        SpreadsheetCells.Text(Next(), value);
        return this;
    }

    public InsightsSheet Time(DateTime? utc)
    {
        var cell = Next();
        if (utc is { } value)
        {
            cell.SetValue(value);
            cell.Style.DateFormat.Format = DateFormat;
        }
        return this;
    }

    /// <summary>A figure as a number (empty when unknown); a share is formatted as a percentage, counts with separators.</summary>
    public InsightsSheet Number(double? value, MetricUnit unit = MetricUnit.Count)
    {
        var cell = Next();
        if (value is { } number && double.IsFinite(number))
        {
            cell.SetValue(Math.Round(number, unit == MetricUnit.Share ? 6 : 3));
            cell.Style.NumberFormat.Format = unit == MetricUnit.Share ? ShareFormat : NumberFormat;
        }
        return this;
    }

    /// <summary>Filters over the header and every row.</summary>
    public void Finish() => _sheet.Range(1, 1, Math.Max(2, _row), _columns).SetAutoFilter();

    private IXLCell Next() => _sheet.Cell(_row, _column++);
}
