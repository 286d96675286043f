using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>Fits text to a cell and counts the values that had to be cut, for the cover.</summary>
internal sealed class CellFitter
{
    public int Cut { get; private set; }

    public string? Fit(string? value)
    {
        if (!SpreadsheetText.IsTooLong(value))
        {
            return value;
        }
        Cut++;
        return SpreadsheetText.FitCell(value!);
    }
}
