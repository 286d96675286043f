using ClosedXML.Excel;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>
/// A flow's mappings as an Excel workbook a business owner can edit offline and import back as a draft change request:
/// one row per mapping, keyed by the mapping's id, with dropdowns for target fields and transforms.
/// </summary>
public static class MappingWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Step columns beyond the longest chain, so a step can be added without editing headers.</summary>
    private const int SpareSteps = 1;

    private const int MinimumSteps = 3;

    public static byte[] Export(GovernanceConfiguration c, DataFlow flow, int version)
    {
        var mappings = c.Mappings.Where(m => m.FlowId == flow.Id)
            .OrderBy(m => m.Order).ThenBy(m => m.TargetField, StringComparer.Ordinal).ToList();
        var steps = Math.Max(MinimumSteps, mappings.Select(m => m.Transforms.Count).DefaultIfEmpty(0).Max() + SpareSteps);

        using var workbook = new XLWorkbook();
        var sheet = workbook.Worksheets.Add(WorkbookLayout.MappingsSheet);
        WriteHeader(sheet, steps);
        var row = 2;
        foreach (var mapping in mappings)
        {
            WriteRow(sheet, row++, mapping);
        }
        var lastRow = row - 1 + WorkbookLayout.SpareRows;
        FormatColumns(sheet, steps, lastRow);
        sheet.Range(1, 1, Math.Max(2, row - 1), WorkbookLayout.LastColumn(steps)).SetAutoFilter();

        WorkbookInfoSheets.WriteHowToEdit(workbook.Worksheets.Add(WorkbookLayout.HowToEditSheet), steps);
        WorkbookInfoSheets.WriteFlow(workbook.Worksheets.Add(WorkbookLayout.FlowSheet), c, flow, version);
        var lists = WorkbookInfoSheets.WriteLists(workbook.Worksheets.Add(WorkbookLayout.ListsSheet), c, flow);
        AddDropdowns(sheet, steps, lastRow, lists);
        sheet.SetTabActive();

        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void WriteHeader(IXLWorksheet sheet, int steps) => SpreadsheetCells.HeaderRow(sheet, WorkbookLayout.Headers(steps));

    private static void WriteRow(IXLWorksheet sheet, int row, FieldMapping mapping)
    {
        SpreadsheetCells.Text(sheet.Cell(row, WorkbookLayout.IdColumn), mapping.Id.ToString());
        sheet.Cell(row, WorkbookLayout.OrderColumn).SetValue(mapping.Order);
        SpreadsheetCells.Text(sheet.Cell(row, WorkbookLayout.SourceColumn), string.Join(", ", mapping.SourceFields));
        SpreadsheetCells.Text(sheet.Cell(row, WorkbookLayout.TargetColumn), mapping.TargetField);
        for (var k = 1; k <= mapping.Transforms.Count; k++)
        {
            var step = mapping.Transforms[k - 1];
            SpreadsheetCells.Text(sheet.Cell(row, WorkbookLayout.StepColumn(k)), step.Kind.ToString());
            SpreadsheetCells.Text(sheet.Cell(row, WorkbookLayout.ArgumentsColumn(k)), TransformArgumentText.Format(step));
        }
    }

    private static void FormatColumns(IXLWorksheet sheet, int steps, int lastRow)
    {
        // Fixed widths: AdjustToContents() measures fonts through libgdiplus, which servers may not have.
        sheet.Column(WorkbookLayout.IdColumn).Width = 38;
        sheet.Column(WorkbookLayout.OrderColumn).Width = 8;
        sheet.Column(WorkbookLayout.SourceColumn).Width = 26;
        sheet.Column(WorkbookLayout.TargetColumn).Width = 26;
        for (var k = 1; k <= steps; k++)
        {
            sheet.Column(WorkbookLayout.StepColumn(k)).Width = 20;
            sheet.Column(WorkbookLayout.ArgumentsColumn(k)).Width = 48;
        }
        // Text format on every editable text cell: whatever the user types there stays text, never a formula.
        sheet.Range(2, WorkbookLayout.IdColumn, lastRow, WorkbookLayout.IdColumn).Style.NumberFormat.NumberFormatId = SpreadsheetCells.TextFormat;
        sheet.Range(2, WorkbookLayout.SourceColumn, lastRow, WorkbookLayout.LastColumn(steps)).Style.NumberFormat.NumberFormatId = SpreadsheetCells.TextFormat;
        sheet.Range(2, WorkbookLayout.IdColumn, lastRow, WorkbookLayout.IdColumn).Style.Font.FontColor = XLColor.Gray;
    }

    private static void AddDropdowns(IXLWorksheet sheet, int steps, int lastRow, WorkbookLists lists)
    {
        if (lists.TargetFields is { } targets)
        {
            var validation = sheet.Range(2, WorkbookLayout.TargetColumn, lastRow, WorkbookLayout.TargetColumn).SetDataValidation();
            validation.List(targets);
            Explain(validation, "Target field", "Choose a field of the target system's catalog (sheet Lists, column A).");
        }
        for (var k = 1; k <= steps; k++)
        {
            var validation = sheet.Range(2, WorkbookLayout.StepColumn(k), lastRow, WorkbookLayout.StepColumn(k)).SetDataValidation();
            validation.List(lists.Transforms);
            Explain(validation, "Transform", "Choose a transform (sheet Lists, column B), or leave the step empty.");
        }
    }

    private static void Explain(IXLDataValidation validation, string title, string message)
    {
        validation.IgnoreBlanks = true;
        validation.InCellDropdown = true;
        validation.ErrorStyle = XLErrorStyle.Stop;
        validation.ErrorTitle = title;
        validation.ErrorMessage = message;
    }
}
