using ClosedXML.Excel;

namespace CrmGovernance.Core.Spreadsheets;

/// <summary>
/// Writes text into ClosedXML cells so a spreadsheet shows it as typed and never evaluates it (formula injection,
/// OWASP ASVS 5.0 1.2.10). Every Excel export in the product writes its text through here.
/// </summary>
public static class SpreadsheetCells
{
    /// <summary>Number format 49 is "@": Excel keeps whatever is typed into such a cell as text, even "=1+1".</summary>
    public const int TextFormat = 49;

    public static IXLCell Text(IXLCell cell, string? value)
    {
        // SetValue<string> stores a string as it is; the Value setter would guess a type ("12" becomes a number).
        var text = SpreadsheetText.FitCell(value ?? "");
        cell.SetValue(text);
        cell.DataType = XLDataType.Text;
        cell.Style.NumberFormat.NumberFormatId = TextFormat;
        if (SpreadsheetText.IsRisky(text))
        {
            // The quote prefix keeps Excel from reading the text as a formula when the cell is edited or re-entered.
            cell.Style.IncludeQuotePrefix = true;
        }
        return cell;
    }

    /// <summary>
    /// Row 1 of a table sheet, as every export of the product shows it: the headers as text, bold on a light fill with a
    /// line under them, frozen so they stay in view.
    /// </summary>
    public static void HeaderRow(IXLWorksheet sheet, IReadOnlyList<string> headers)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            Text(sheet.Cell(1, i + 1), headers[i]);
        }
        var header = sheet.Range(1, 1, 1, headers.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F1");
        header.Style.Border.BottomBorder = XLBorderStyleValues.Thin;
        sheet.SheetView.FreezeRows(1);
    }
}
