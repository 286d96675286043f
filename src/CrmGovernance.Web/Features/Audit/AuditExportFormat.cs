using System.Globalization;
using CrmGovernance.Core.Features.Audit.Export;
using MudBlazor;

namespace CrmGovernance.Web.Features.Audit;

/// <summary>How the exports panel writes states, counts, sizes and progress.</summary>
public static class AuditExportFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static bool IsActive(AuditExport export) => export.Status is AuditExportStatus.Queued or AuditExportStatus.Running;

    public static Color ColorOf(AuditExportStatus status) => status switch
    {
        AuditExportStatus.Queued => Color.Default,
        AuditExportStatus.Running => Color.Info,
        AuditExportStatus.Completed => Color.Success,
        AuditExportStatus.Cancelled => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>"12.4 MB", "830 KB"; a file deleted after the retention period has no size.</summary>
    public static string Size(long bytes) => bytes switch
    {
        <= 0 => "–",
        < 1024 * 1024 => string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, bytes / 1024):N0} KB"),
        _ => string.Create(CultureInfo.CurrentCulture, $"{bytes / (1024.0 * 1024):N1} MB"),
    };

    /// <summary>Share of the rows written, 0 to 100 (0 while the total is not known yet).</summary>
    public static double Percent(AuditExport export) => export.RowsTotal <= 0 ? 0 : Math.Min(100, 100.0 * export.RowsWritten / export.RowsTotal);

    /// <summary>What a queued or running export is doing, in words.</summary>
    public static string Activity(AuditExport export) => export.Status switch
    {
        AuditExportStatus.Queued => "Queued: exports run one at a time, in the order they were asked for.",
        _ when export.RowsTotal <= 0 => "Starting…",
        _ => $"{Count(export.RowsWritten)} of {Count(export.RowsTotal)} audit rows written.",
    };
}
