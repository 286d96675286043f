namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>
/// What an uploaded mapping workbook may hold, checked on the zip and its XML before the spreadsheet library reads it.
/// An exported workbook (a flow's mappings, its field lists, 200 spare rows) is far inside every limit. The limits
/// exist because an .xlsx is a zip: a small upload can unzip to gigabytes, and the library holds about a kilobyte per cell.
/// </summary>
public static class WorkbookImportLimits
{
    /// <summary>The upload itself (compressed).</summary>
    public const int MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Files inside the zip. An exported workbook has about 15.</summary>
    public const int MaxEntries = 100;

    /// <summary>One file inside the zip, unzipped, counted while it is inflated (the sizes a zip declares can lie).</summary>
    public const int MaxEntryBytes = 16 * 1024 * 1024;

    /// <summary>All files inside the zip together, unzipped.</summary>
    public const int MaxUncompressedBytes = 32 * 1024 * 1024;

    /// <summary>XML elements inside elements, in any part.</summary>
    public const int MaxXmlDepth = 64;

    /// <summary>XML elements in all parts together (styles, lists, validations as well as cells).</summary>
    public const int MaxXmlElements = 500_000;

    /// <summary>Rows in all sheets together.</summary>
    public const int MaxRows = 20_000;

    /// <summary>Cells (written or only formatted) in all sheets together.</summary>
    public const int MaxCells = 100_000;

    /// <summary>The rightmost column a cell may be in: 4 fixed columns and up to 98 steps with their arguments.</summary>
    public const int MaxColumns = 200;

    /// <summary>What a file over <see cref="MaxFileBytes"/> is told, wherever it is refused.</summary>
    public static string TooLarge { get; } =
        $"The file is larger than {MaxFileBytes / 1024 / 1024} MB, so it is not a mapping workbook. {MappingWorkbookImport.ExportAgain}";
}
