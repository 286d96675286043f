using ClosedXML.Excel;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Spreadsheets;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>The workbook's sheets besides Mappings: how to edit it, which flow and version it holds, and the dropdown lists.</summary>
internal static class WorkbookInfoSheets
{
    public static void WriteHowToEdit(IXLWorksheet sheet, int steps)
    {
        string[] lines =
        [
            "How to edit this mapping workbook",
            "",
            "Edit the sheet Mappings, save the file, and import it on the flow's page. The import creates a draft change request "
                + "with the mappings you changed; nothing changes until someone else approves it.",
            "",
            "Columns",
            "Id: identifies the mapping. Do not change it. Leave it empty on a new row to add a mapping.",
            "Order: the position of the mapping (a whole number).",
            "Source fields: the source system's field names, separated by commas (sheet Lists, column C). Empty when the first step is Constant.",
            "Target field: a field of the target system (dropdown; sheet Lists, column A).",
            $"Step 1 to Step {steps}: the transforms, run left to right (dropdown; sheet Lists, column B). Empty steps are skipped.",
            "Step arguments: what the transform needs, written as name=value pairs separated by semicolons.",
            "",
            "Deleting a row deletes that mapping. Do not rename, move or add columns: the import checks the header row.",
            "",
            "Writing arguments",
            "formats=dd/MM/yyyy|MM/dd/yyyy; default=other    (several date formats are separated by |)",
            "A value map lists its entries after map:, as from=>to separated by commas:  map: paid=>paid, refunded=>refunded; default=other",
            "Spaces around ; , = and => are ignored.",
            "Put a value in double quotes when it is empty, starts or ends with a space, or contains ; , = or \":  separator=\", \"",
            "Inside double quotes, write \\\" for a double quote, \\\\ for a backslash, \\t for a tab and \\n for a line break.",
            "",
            "Arguments by transform",
            .. Enum.GetValues<TransformKind>().Select(k => $"{k} ({WorkbookTransforms.Label(k)}): {WorkbookTransforms.Describe(k)}"),
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            SpreadsheetCells.Text(sheet.Cell(i + 1, 1), lines[i]);
        }
        sheet.Cell(1, 1).Style.Font.Bold = true;
        sheet.Cell(1, 1).Style.Font.FontSize = 14;
        foreach (var heading in new[] { "Columns", "Writing arguments", "Arguments by transform" })
        {
            sheet.Column(1).CellsUsed(c => c.GetString() == heading).Style.Font.Bold = true;
        }
        sheet.Column(1).Width = 140;
    }

    public static void WriteFlow(IXLWorksheet sheet, GovernanceConfiguration c, DataFlow flow, int version)
    {
        var source = c.FindSystem(flow.SourceSystemId)?.Name ?? "(unknown system)";
        var target = c.FindSystem(flow.TargetSystemId)?.Name ?? "(unknown system)";
        (string Label, string Value)[] rows =
        [
            (WorkbookLayout.FlowName, flow.Name),
            (WorkbookLayout.FlowId, flow.Id.ToString()),
            (WorkbookLayout.FlowEnds, $"{source} → {target}"),
            (WorkbookLayout.FlowObject, c.FindObject(flow.ObjectId)?.Name ?? "(unknown object)"),
        ];
        for (var i = 0; i < rows.Length; i++)
        {
            SpreadsheetCells.Text(sheet.Cell(i + 1, 1), rows[i].Label).Style.Font.Bold = true;
            SpreadsheetCells.Text(sheet.Cell(i + 1, 2), rows[i].Value);
        }
        var versionRow = rows.Length + 1;
        SpreadsheetCells.Text(sheet.Cell(versionRow, 1), WorkbookLayout.FlowVersion).Style.Font.Bold = true;
        sheet.Cell(versionRow, 2).SetValue(version);
        sheet.Cell(versionRow, 2).Style.Alignment.Horizontal = XLAlignmentHorizontalValues.Left;
        sheet.Column(1).Width = 24;
        sheet.Column(2).Width = 60;
    }

    public static WorkbookLists WriteLists(IXLWorksheet sheet, GovernanceConfiguration c, DataFlow flow)
    {
        var targets = Names(c.FieldsOf(flow.TargetSystemId, flow.ObjectId));
        var kinds = Enum.GetValues<TransformKind>().Select(k => k.ToString()).ToList();
        var sources = Names(c.FieldsOf(flow.SourceSystemId, flow.ObjectId));
        Column(sheet, 1, "Target fields", targets);
        Column(sheet, 2, "Transforms", kinds);
        Column(sheet, 3, "Source fields", sources);
        sheet.Row(1).Style.Font.Bold = true;
        return new WorkbookLists(
            targets.Count == 0 ? null : sheet.Range(2, 1, targets.Count + 1, 1),
            sheet.Range(2, 2, kinds.Count + 1, 2));
    }

    private static List<string> Names(IEnumerable<FieldDefinition> fields) =>
        fields.Select(f => f.Name).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();

    private static void Column(IXLWorksheet sheet, int column, string header, List<string> values)
    {
        SpreadsheetCells.Text(sheet.Cell(1, column), header);
        for (var i = 0; i < values.Count; i++)
        {
            SpreadsheetCells.Text(sheet.Cell(i + 2, column), values[i]);
        }
        sheet.Column(column).Width = 28;
    }
}
