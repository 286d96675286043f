using ClosedXML.Excel;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>
/// Reads an edited mapping workbook back into the flow's mappings: rows with an empty Id are new mappings, published
/// mappings without a row are deletions. Every problem comes back in plain words with its row number.
/// </summary>
public static class MappingWorkbookImport
{
    internal const string ExportAgain = "Export the mapping workbook again and make your edits in that file.";

    public static WorkbookImportResult Read(Stream xlsx, GovernanceConfiguration c, DataFlow flow)
    {
        using var workbook = Open(xlsx, out var openError);
        if (workbook is null)
        {
            return WorkbookImportResult.Fail(openError!);
        }
        if (!workbook.TryGetWorksheet(WorkbookLayout.MappingsSheet, out var sheet))
        {
            return WorkbookImportResult.Fail($"The workbook has no sheet named {WorkbookLayout.MappingsSheet}. {ExportAgain}");
        }
        if (Header(sheet, out var steps) is { } headerError)
        {
            return WorkbookImportResult.Fail(headerError);
        }
        var (version, flowError) = FlowInfo(workbook, flow);
        if (flowError is not null)
        {
            return WorkbookImportResult.Fail(flowError);
        }

        var errors = new List<string>();
        var rows = new List<(int Row, FieldMapping Mapping)>();
        var reader = new MappingRowReader(c, flow, steps);
        foreach (var row in sheet.RowsUsed(XLCellsUsedOptions.Contents).Where(r => r.RowNumber() > 1))
        {
            if (reader.Read(row, errors) is { } mapping)
            {
                rows.Add((row.RowNumber(), mapping));
            }
        }
        foreach (var same in rows.GroupBy(r => r.Mapping.Id).Where(g => g.Count() > 1))
        {
            errors.Add($"Rows {Join(same)} have the same Id; each mapping may appear once. Leave Id empty on a new row.");
        }
        foreach (var same in rows.GroupBy(r => r.Mapping.TargetField, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add($"Rows {Join(same)} {(same.Count() == 2 ? "both" : "all")} write the target field {same.Key}; keep one.");
        }
        return errors.Count > 0
            ? new WorkbookImportResult([], version, errors)
            : new WorkbookImportResult(rows.Select(r => r.Mapping).ToList(), version, []);
    }

    private static string Join(IEnumerable<(int Row, FieldMapping Mapping)> rows)
    {
        var numbers = rows.Select(r => r.Row.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return string.Join(", ", numbers[..^1]) + " and " + numbers[^1];
    }

    private static XLWorkbook? Open(Stream xlsx, out string? error)
    {
        // ClosedXML needs a seekable stream; the copy also bounds what a foreign file can make us hold.
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = xlsx.Read(buffer)) > 0)
        {
            if (copy.Length + read > WorkbookImportLimits.MaxFileBytes)
            {
                error = WorkbookImportLimits.TooLarge;
                return null;
            }
            copy.Write(buffer, 0, read);
        }
        copy.Position = 0;
        // A workbook is a zip: its size, parts, rows and cells are bounded before the library inflates it into memory.
        if (WorkbookPackageCheck.Refusal(copy) is { } refusal)
        {
            error = refusal;
            return null;
        }
        error = null;
        try
        {
            return new XLWorkbook(copy);
        }
#pragma warning disable CA1031 // Whatever a foreign or damaged file makes the parser throw, the user's answer is the same.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            error = $"The file is not an Excel workbook (.xlsx) that can be read. {ExportAgain}";
            return null;
        }
    }

    private static string? Header(IXLWorksheet sheet, out int steps)
    {
        var last = sheet.Row(1).LastCellUsed(XLCellsUsedOptions.Contents)?.Address.ColumnNumber ?? 0;
        steps = (last - WorkbookLayout.FixedHeaders.Length) / 2;
        var expected = WorkbookLayout.Headers(Math.Max(1, steps));
        var found = Enumerable.Range(1, Math.Max(last, expected.Count)).Select(i => sheet.Cell(1, i)).ToList();
        for (var i = 0; i < found.Count; i++)
        {
            var text = found[i].HasFormula ? "a formula" : found[i].GetString().Trim();
            var wanted = i < expected.Count ? expected[i] : "";
            if (!string.Equals(text, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return $"The header row of the sheet {WorkbookLayout.MappingsSheet} has changed: cell {found[i].Address} reads "
                    + $"'{text}' where the import expects '{wanted}'. Restore the header row ({string.Join(", ", expected.Take(6))}, …) or {ExportAgain.ToLowerInvariant()}";
            }
        }
        return null;
    }

    private static (int? Version, string? Error) FlowInfo(XLWorkbook workbook, DataFlow flow)
    {
        if (!workbook.TryGetWorksheet(WorkbookLayout.FlowSheet, out var sheet))
        {
            return (null, $"The workbook has no sheet named {WorkbookLayout.FlowSheet}, which says which flow and version it holds. {ExportAgain}");
        }
        IXLCell? Value(string label) => sheet.Column(1).CellsUsed(XLCellsUsedOptions.Contents, cell => !cell.HasFormula && cell.GetString().Trim() == label).FirstOrDefault()?.CellRight();

        var id = Value(WorkbookLayout.FlowId);
        if (id is null || id.HasFormula || !Guid.TryParse(id.GetString(), out var flowId))
        {
            return (null, $"The sheet {WorkbookLayout.FlowSheet} does not name the flow (row '{WorkbookLayout.FlowId}'). {ExportAgain}");
        }
        if (flowId != flow.Id)
        {
            var name = Value(WorkbookLayout.FlowName) is { HasFormula: false } cell ? cell.GetString() : "another flow";
            return (null, $"This workbook holds the mappings of {name}, not of {flow.Name}. Import it on that flow's page, or export the workbook of {flow.Name}.");
        }
        var version = Value(WorkbookLayout.FlowVersion);
        if (version is null || version.HasFormula || version.DataType != XLDataType.Number || version.GetDouble() is var v && (v < 0 || v != Math.Floor(v)))
        {
            return (null, $"The sheet {WorkbookLayout.FlowSheet} does not say which configuration version the workbook was exported from. {ExportAgain}");
        }
        return ((int)version.GetDouble(), null);
    }
}
