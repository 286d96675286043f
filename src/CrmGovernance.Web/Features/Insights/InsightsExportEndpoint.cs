using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights.Exports;
using CrmGovernance.Web.Features.Insights.Api;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// <c>GET /insights/export.xlsx?from&amp;to&amp;object&amp;flow&amp;system&amp;baselineFrom&amp;baselineTo</c>: the dashboard's tables
/// as an Excel workbook, for a signed-in person who may see insights (a plain link from the dashboard, so the browser saves
/// it). The filters are the dashboard's query string; the service applies the caller's scope as the page does.
/// </summary>
internal static class InsightsExportEndpoint
{
    public const string Pattern = "/insights/export.xlsx";

    public static IEndpointRouteBuilder MapInsightsExport(this IEndpointRouteBuilder app)
    {
        app.MapGet(Pattern, async ([AsParameters] InsightsFilterQuery query, InsightsWorkbook workbook, TimeProvider clock, CancellationToken cancellationToken) =>
            {
                var errors = new Dictionary<string, string[]>();
                if (InsightsApiQuery.Parse(query, clock, errors) is not { } filter)
                {
                    return InsightsApiQuery.Invalid(errors);
                }
                try
                {
                    var file = await workbook.ExportAsync(filter, cancellationToken);
                    return Results.File(file.Content, InsightsExport.ContentType, file.FileName);
                }
                catch (UnauthorizedAccessException e)
                {
                    return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: e.Message);
                }
                catch (ArgumentException e)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: e.Message);
                }
            })
            .RequireAuthorization(nameof(Capability.ViewInsights))
            .WithName("InsightsExport");
        return app;
    }
}
