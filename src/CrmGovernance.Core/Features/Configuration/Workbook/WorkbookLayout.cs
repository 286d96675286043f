namespace CrmGovernance.Core.Features.Configuration.Workbook;

/// <summary>Sheet names, columns and headers of the mapping workbook, shared by the export and the import.</summary>
internal static class WorkbookLayout
{
    public const string MappingsSheet = "Mappings";
    public const string HowToEditSheet = "How to edit";
    public const string FlowSheet = "Flow";
    public const string ListsSheet = "Lists";

    public const int IdColumn = 1;
    public const int OrderColumn = 2;
    public const int SourceColumn = 3;
    public const int TargetColumn = 4;
    public const int FirstStepColumn = 5;

    /// <summary>Rows below the last mapping that still get dropdowns and text formatting, for new mappings.</summary>
    public const int SpareRows = 200;

    /// <summary>Labels of the Flow sheet's rows (column A); the values are in column B.</summary>
    public const string FlowName = "Flow";
    public const string FlowId = "Flow id";
    public const string FlowEnds = "Source → target";
    public const string FlowObject = "Object";
    public const string FlowVersion = "Configuration version";

    public static readonly string[] FixedHeaders = ["Id", "Order", "Source fields", "Target field"];

    public static int StepColumn(int step) => FirstStepColumn + 2 * (step - 1);

    public static int ArgumentsColumn(int step) => StepColumn(step) + 1;

    public static int LastColumn(int steps) => ArgumentsColumn(steps);

    public static IReadOnlyList<string> Headers(int steps) =>
        [.. FixedHeaders, .. Enumerable.Range(1, steps).SelectMany(k => new[] { $"Step {k}", $"Step {k} arguments" })];
}
