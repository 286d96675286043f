using System.ComponentModel;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Web.Features.Users.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmGovernance.Web.Features.Insights.Api;

/// <summary>
/// The insights read API: the dashboard's figures, a version's before/after comparison and the drill-down, as JSON for BI
/// tools. The services check the caller's capability and scope (a business owner's token sees the objects they own only):
/// refusals answer 403, a bad filter 400, an unknown version 404, all as ProblemDetails.
/// </summary>
internal static class InsightsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static RouteGroupBuilder MapInsightsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/insights")
            .RequireAuthorization(ReadApi.InsightsReadPolicy)
            .RequireRateLimiting(ApiRateLimitPolicy.Name)
            .DisableAntiforgery()
            .WithTags("Insights")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/dashboard", DashboardAsync).WithName("GetInsightsDashboard")
            .WithSummary("The dashboard's figures for a period: cards with value, baseline, change and trend; flows; rejection reasons; duplicates; versions");
        api.MapGet("/versions/{number:int}", VersionAsync).WithName("CompareInsightsVersion")
            .WithSummary("The days before and after a configuration version, for the flows it changed beside those it did not")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/drill/runs", RunsAsync).WithName("DrillInsightsRuns")
            .WithSummary("The runs behind a figure, with what each added; the totals equal the figure");
        api.MapGet("/drill/records", RecordsAsync).WithName("DrillInsightsRecords")
            .WithSummary("The records counted in a figure, of one run or of all, newest first");
        return api;
    }

    private static Task<Results<Ok<InsightsDashboardResponse>, ProblemHttpResult>> DashboardAsync(
        InsightsDashboard dashboard, TimeProvider clock, [AsParameters] InsightsFilterQuery query, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = InsightsApiQuery.Parse(query, clock, errors);
        return filter is null ? Task.FromResult<Results<Ok<InsightsDashboardResponse>, ProblemHttpResult>>(InsightsApiQuery.Invalid(errors))
            : Guarded(async () => InsightsDashboardResponse.Of(await dashboard.LoadAsync(filter, cancellationToken)));
    }

    private static Task<Results<Ok<InsightsComparisonResponse>, ProblemHttpResult>> VersionAsync(InsightsComparison comparison, int number,
        [Description("Days before and after the version, 1 to 90; 14 when not given.")] int? days, CancellationToken cancellationToken) =>
        Guarded(async () => InsightsComparisonResponse.Of(await comparison.CompareAsync(number, days ?? InsightsComparison.DefaultDays, cancellationToken)));

    private static Task<Results<Ok<InsightsDrillRunsPage>, ProblemHttpResult>> RunsAsync(InsightsDrill drill, TimeProvider clock,
        [Description("The figure's key, as in the dashboard's cards (e.g. records-moved).")] string? card,
        [Description("For rejections: only this reason, as in the dashboard's rejectionReasons.")] string? reason,
        [AsParameters] InsightsFilterQuery query, [Description("From 1.")] int? page, [Description("1 to 500; 50 when not given.")] int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (filter, number, size) = Drill(query, card, page, pageSize, clock, errors);
        return filter is null ? Task.FromResult<Results<Ok<InsightsDrillRunsPage>, ProblemHttpResult>>(InsightsApiQuery.Invalid(errors))
            : Guarded(async () => InsightsDrillRunsPage.Map(await drill.RunsAsync(new DrillQuery(card!, filter, reason), number - 1, size, cancellationToken), number, size));
    }

    private static Task<Results<Ok<InsightsDrillRecordsPage>, ProblemHttpResult>> RecordsAsync(InsightsDrill drill, TimeProvider clock,
        [Description("The figure's key, as in the dashboard's cards (e.g. records-moved).")] string? card,
        [Description("For rejections: only this reason.")] string? reason, [Description("Only the records of this run.")] long? run,
        [AsParameters] InsightsFilterQuery query, [Description("From 1.")] int? page, [Description("1 to 500; 50 when not given.")] int? pageSize,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (filter, number, size) = Drill(query, card, page, pageSize, clock, errors);
        return filter is null ? Task.FromResult<Results<Ok<InsightsDrillRecordsPage>, ProblemHttpResult>>(InsightsApiQuery.Invalid(errors))
            : Guarded(async () =>
            {
                var records = await drill.RecordsAsync(new DrillQuery(card!, filter, reason), run, number - 1, size, cancellationToken);
                return new InsightsDrillRecordsPage([.. records.Items.Select(InsightsDrillRecord.Of)], records.Total, number, size);
            });
    }

    private static (InsightsFilter? Filter, int Page, int Size) Drill(InsightsFilterQuery query, string? card, int? page, int? pageSize, TimeProvider clock,
        Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(card))
        {
            errors["card"] = ["Name the figure, e.g. card=records-moved."];
        }
        var number = InsightsApiQuery.Number(page, "page", 1, 1, int.MaxValue / MaxPageSize, errors);
        var size = InsightsApiQuery.Number(pageSize, "pageSize", DefaultPageSize, 1, MaxPageSize, errors);
        var filter = InsightsApiQuery.Parse(query, clock, errors);
        return (errors.Count > 0 ? null : filter, number, size);
    }

    /// <summary>The services' expected refusals as ProblemDetails: scope 403, bad input 400, an unknown version 404.</summary>
    private static async Task<Results<Ok<T>, ProblemHttpResult>> Guarded<T>(Func<Task<T>> load)
    {
        try
        {
            return TypedResults.Ok(await load());
        }
        catch (UnauthorizedAccessException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: e.Message);
        }
        catch (KeyNotFoundException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: e.Message);
        }
        catch (ArgumentException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query", detail: e.Message);
        }
    }
}
