using ClosedXML.Excel;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>Writes text so a spreadsheet shows it as typed and never evaluates it (CSV/formula injection).</summary>
internal static class WorkbookCells
{
    /// <summary>Number format 49 is "@": Excel keeps whatever is typed into such a cell as text, even "=1+1".</summary>
    public const int TextFormat = 49;

    public static IXLCell Text(IXLCell cell, string value)
    {
        // SetValue<string> stores a string as it is; the Value setter would guess a type ("12" becomes a number).
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
        cell.Style.NumberFormat.NumberFormatId = TextFormat;
        if (IsRisky(value))
        {
            // The quote prefix keeps Excel from reading the text as a formula when the cell is edited or re-entered.
            cell.Style.IncludeQuotePrefix = true;
        }
        return cell;
    }

    /// <summary>Text a spreadsheet could take for a formula: =, +, -, @, or a leading tab or line break.</summary>
    public static bool IsRisky(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';
}
