using System.IO.Compression;
using System.Xml;
using static CrmGovernance.Core.Features.Configuration.Workbook.WorkbookImportLimits;

namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>
/// Looks inside an uploaded .xlsx before the spreadsheet library opens it: the zip's entries, their sizes as actually
/// inflated, and every XML part's depth, element count, rows, cells and columns, all with a forward-only reader that
/// holds nothing. A zip bomb or a sheet of a million cells is refused after reading at most the limits, not loaded.
/// </summary>
internal static class WorkbookPackageCheck
{
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true, CloseInput = false,
    };

    private sealed class Tally
    {
        public long Bytes;
        public long Elements;
        public long Rows;
        public long Cells;
    }

    /// <summary>Why the workbook is refused, or null when it is within every limit. Leaves the stream where it was.</summary>
    public static string? Refusal(Stream xlsx)
    {
        var start = xlsx.Position;
        try
        {
            using var zip = new ZipArchive(xlsx, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
            {
                return $"The file holds {zip.Entries.Count:N0} parts; a mapping workbook has about 15 (the import reads at most {MaxEntries}).";
            }
            // The declared sizes first, which costs nothing; they can lie, so every entry is also counted as it inflates.
            if (zip.Entries.FirstOrDefault(e => e.Length > MaxEntryBytes) is { } declared)
            {
                return TooBig(declared.FullName);
            }
            if (zip.Entries.Sum(e => e.Length) > MaxUncompressedBytes)
            {
                return TooBigInAll();
            }
            var tally = new Tally();
            foreach (var entry in zip.Entries)
            {
                if (Inspect(entry, tally) is { } refusal)
                {
                    return refusal;
                }
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or XmlException or NotSupportedException)
        {
            return $"The file is not an Excel workbook (.xlsx) that can be read. {MappingWorkbookImport.ExportAgain}";
        }
        finally
        {
            xlsx.Position = start;
        }
    }

    private static string? Inspect(ZipArchiveEntry entry, Tally tally)
    {
        using var inflated = new InflatedEntryStream(entry.Open(), Math.Min(MaxEntryBytes, MaxUncompressedBytes - tally.Bytes));
        // XML parts start with '<', a byte-order mark or white space; anything else (a picture) is only counted.
        var refusal = inflated.PeekFirstByte() is '<' or 0xEF or 0xFE or 0xFF or ' ' or '\t' or '\r' or '\n'
            ? InspectXml(inflated, tally)
            : null;
        if (refusal is null && !inflated.Exceeded)
        {
            inflated.Drain();
        }
        tally.Bytes += inflated.Count;
        if (inflated.Exceeded)
        {
            return tally.Bytes > MaxUncompressedBytes ? TooBigInAll() : TooBig(entry.FullName);
        }
        return refusal;
    }

    private static string? InspectXml(InflatedEntryStream inflated, Tally tally)
    {
        using var reader = XmlReader.Create(inflated, XmlSettings);
        var column = 0;
        try
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }
                if (++tally.Elements > MaxXmlElements)
                {
                    return $"The file holds more than {MaxXmlElements:N0} XML elements; a mapping workbook holds far fewer. {MappingWorkbookImport.ExportAgain}";
                }
                if (reader.Depth > MaxXmlDepth)
                {
                    return $"The file's XML is nested more than {MaxXmlDepth} deep, so it is not a mapping workbook. {MappingWorkbookImport.ExportAgain}";
                }
                switch (reader.LocalName)
                {
                    case "row":
                        column = 0;
                        if (++tally.Rows > MaxRows)
                        {
                            return $"The workbook has more than {MaxRows:N0} rows; a mapping workbook has one per mapping and field. {MappingWorkbookImport.ExportAgain}";
                        }
                        break;
                    case "c":
                        column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
                        if (++tally.Cells > MaxCells)
                        {
                            return $"The workbook has more than {MaxCells:N0} cells; a mapping workbook has far fewer. {MappingWorkbookImport.ExportAgain}";
                        }
                        if (column > MaxColumns)
                        {
                            return $"The workbook has a cell to the right of column {MaxColumns}; a mapping workbook is far narrower. {MappingWorkbookImport.ExportAgain}";
                        }
                        break;
                }
            }
            return null;
        }
        catch (XmlException) when (inflated.Exceeded)
        {
            // The XML was cut off at the size limit; the caller says so.
            return null;
        }
    }

    /// <summary>The column number of a cell reference such as "AB12"; null when there is none to read.</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var column = 0;
        foreach (var ch in reference)
        {
            if (!char.IsAsciiLetter(ch))
            {
                break;
            }
            // Capped, so a reference of a thousand letters cannot overflow: it is past the limit either way.
            column = Math.Min(column * 26 + (char.ToUpperInvariant(ch) - 'A' + 1), MaxColumns + 1);
        }
        return column == 0 ? null : column;
    }

    private static string TooBig(string part) =>
        $"The file's part {part} unzips to more than {MaxEntryBytes / 1024 / 1024} MB, so it is not a mapping workbook. {MappingWorkbookImport.ExportAgain}";

    private static string TooBigInAll() =>
        $"The file unzips to more than {MaxUncompressedBytes / 1024 / 1024} MB, so it is not a mapping workbook. {MappingWorkbookImport.ExportAgain}";
}
