namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>
/// Where export files live: <c>exports/</c> in the data folder, next to the database, so every process that opens the
/// database (portal nodes, the worker) finds the same files. A file is written as <c>&lt;id&gt;.xlsx.tmp</c> and renamed
/// when complete, so a half-written file is never offered for download.
/// </summary>
public sealed class AuditExportFiles(string dataFolder)
{
    public string Folder { get; } = Path.Combine(dataFolder, "exports");

    public string PathOf(Guid exportId) => Path.Combine(Folder, exportId.ToString("N") + ".xlsx");

    public string TempPathOf(Guid exportId) => PathOf(exportId) + ".tmp";

    /// <summary>Deletes the export's file and any half-written one; a file already gone is fine.</summary>
    public void Delete(Guid exportId)
    {
        File.Delete(PathOf(exportId));
        File.Delete(TempPathOf(exportId));
    }
}
