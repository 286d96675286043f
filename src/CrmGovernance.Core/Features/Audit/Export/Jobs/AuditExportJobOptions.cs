using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

/// <summary>Settings of the background audit exports (section <c>AuditExports</c>).</summary>
public sealed class AuditExportJobOptions
{
    public const string Section = "AuditExports";

    /// <summary>Days a finished export's file is kept for download; older files are deleted and their row says so.</summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 7;
}
