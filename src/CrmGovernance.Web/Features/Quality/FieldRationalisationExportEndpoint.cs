using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights.Exports;
using CrmGovernance.Core.Features.Quality.Fields;

namespace CrmGovernance.Web.Features.Quality;

/// <summary>
/// <c>GET /field-rationalisation/export.xlsx?system&amp;object&amp;q&amp;flagged</c>: the Field rationalisation list as an
/// Excel workbook (a plain link from the page, so the browser saves it), scoped by the service as the page is.
/// </summary>
internal static class FieldRationalisationExportEndpoint
{
    public const string Pattern = "/field-rationalisation/export.xlsx";

    public static IEndpointRouteBuilder MapFieldRationalisationExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Pattern, async (Guid? system, Guid? @object, string? q, bool? flagged, FieldRationalisationWorkbook workbook, CancellationToken cancellationToken) =>
            {
                if (q is { Length: > 200 })
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: "q: at most 200 characters.");
                }
                try
                {
                    var file = await workbook.ExportAsync(new FieldRationalisationFilter(system, @object, flagged ?? false, q), cancellationToken);
                    return Results.File(file.Content, InsightsExport.ContentType, file.FileName);
                }
                catch (UnauthorizedAccessException e)
                {
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: e.Message);
                }
            })
            .RequireAuthorization(nameof(Capability.ViewDataQuality))
            .WithName("FieldRationalisationExport");
        return app;
    }
}
