using ClosedXML.Excel;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Audit.Export;

/// <summary>An export run on a <see cref="CoreTestHost"/> into a real file, read back with ClosedXML; disposing deletes the file.</summary>
internal sealed class ExportedWorkbook : IDisposable
{
    public const string ExportedBy = "Audrey Auditor";

    private readonly Lazy<XLWorkbook> _book;

    private ExportedWorkbook(string path, AuditExportResult result)
    {
        Path = path;
        Result = result;
        _book = new Lazy<XLWorkbook>(() => new XLWorkbook(path));
    }

    public string Path { get; }
    public AuditExportResult Result { get; }

    /// <summary>The file read with ClosedXML, on first use (a large export is measured, not read).</summary>
    public XLWorkbook Book => _book.Value;
    public IXLWorksheet Cover => Book.Worksheet("Cover");

    /// <summary>Exports as an auditor (or <paramref name="actAs"/>), streamed or styled as asked.</summary>
    public static async Task<ExportedWorkbook> ExportAsync(CoreTestHost host, bool streamed, AuditLogFilter? filter = null,
        int sheetRowLimit = 1_048_576, Action<ActorContext>? actAs = null, IProgress<AuditExportProgress>? progress = null)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"audit-export-{Guid.NewGuid():N}.xlsx");
        await using var scope = host.Scope(actAs ?? (a => a.SetUser("id-audrey", ExportedBy, [Roles.Auditor], AuditSources.Ui)));
        // Built from the host's services as AddCrmCore registers it (CoreTestHost wires only what its own tests need).
        var exporter = ActivatorUtilities.CreateInstance<AuditExporter>(scope.ServiceProvider);
        var options = new AuditExportOptions(ExportedBy, StyledRowLimit: streamed ? 0 : 50_000, SheetRowLimit: sheetRowLimit);
        AuditExportResult result;
        await using (var file = File.Create(path))
        {
            result = await exporter.ExportAsync(filter ?? new AuditLogFilter(), file, options, progress);
        }
        return new ExportedWorkbook(path, result);
    }

    /// <summary>The value next to a label on the cover.</summary>
    public IXLCell CoverValue(string label) =>
        Cover.Column(1).CellsUsed().SingleOrDefault(c => c.GetString() == label)?.CellRight()
        ?? throw new InvalidOperationException($"The cover has no line \"{label}\".");

    /// <summary>The data rows of every log sheet in tab order, header rows left out.</summary>
    public List<IXLRow> LogRows() =>
        [.. Book.Worksheets.Where(s => s.Name != "Cover").SelectMany(s => s.RowsUsed().Skip(1).Cast<IXLRow>())];

    /// <summary>A log row's cell under a header of <see cref="AuditSheetColumnsHeaders"/>.</summary>
    public static IXLCell Cell(IXLRow row, string header) => row.Cell(AuditSheetColumnsHeaders.IndexOf(header) + 1);

    public static readonly List<string> AuditSheetColumnsHeaders =
        ["Sequence", "Time (UTC)", "Actor", "Action", "Entity", "Entity id", "Field", "Old value", "New value", "Source", "Change request", "Correlation id", "Row hash"];

    public void Dispose()
    {
        if (_book.IsValueCreated)
        {
            _book.Value.Dispose();
        }
        File.Delete(Path);
    }
}
