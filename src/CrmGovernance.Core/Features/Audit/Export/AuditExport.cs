namespace CrmGovernance.Core.Features.Audit.Export;

/// <summary>
/// One export of the audit log to Excel, run in the background: who asked for which filter, how far it got, and the file
/// it produced. The filter is stored as JSON (<see cref="AuditLogFilter"/>).
/// </summary>
public sealed class AuditExport
{
    public Guid Id { get; set; }
    public string RequestedById { get; set; } = "";
    public string RequestedByName { get; set; } = "";
    public DateTime RequestedUtc { get; set; }
    public string FilterJson { get; set; } = "{}";
    public AuditExportStatus Status { get; set; }

    /// <summary>Rows the export will write (known once it starts), and rows written so far.</summary>
    public long RowsTotal { get; set; }
    public long RowsWritten { get; set; }

    public DateTime? StartedUtc { get; set; }
    public DateTime? CompletedUtc { get; set; }

    /// <summary>The node that runs (or ran) it (Node:Name), and its latest sign of life while running (<see cref="Scheduling.RunningWork"/>).</summary>
    public string? Node { get; set; }
    public DateTime? HeartbeatUtc { get; set; }

    /// <summary>The download's name, e.g. <c>audit-log-20261127-0130.xlsx</c>, and its size once written.</summary>
    public string FileName { get; set; } = "";
    public long FileBytes { get; set; }

    public bool? ChainIntact { get; set; }
    public long? HeadSequence { get; set; }
    public string? HeadHash { get; set; }
    public string? Error { get; set; }
}
