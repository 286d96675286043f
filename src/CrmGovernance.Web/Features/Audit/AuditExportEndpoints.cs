using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Web.Security;

namespace CrmGovernance.Web.Features.Audit;

/// <summary><c>GET /audit/exports/{id}/download</c>: a completed audit export's workbook, for the person who asked for it or an Admin.</summary>
internal static class AuditExportEndpoints
{
    public const string Pattern = "/audit/exports/{id:guid}/download";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapAuditExportDownload(this IEndpointRouteBuilder app)
    {
        // Someone else's export answers as an unknown one does (404), so ids cannot be probed.
        app.MapGet(Pattern, async (Guid id, AuditExportService exports, CancellationToken cancellationToken) =>
                await exports.OpenAsync(id, cancellationToken) is { } file
                    ? Results.File(file.Content, ContentType, file.FileName, enableRangeProcessing: true)
                    : Results.NotFound())
            .RequireAuthorization(Policies.ExportAudit)
            .WithName("AuditExportDownload");
        return app;
    }
}
