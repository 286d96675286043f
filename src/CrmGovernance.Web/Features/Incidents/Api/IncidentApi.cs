using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Web.Features.Users.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CrmGovernance.Web.Features.Incidents.Api;

/// <summary>The read API on incidents: <c>GET /api/incidents</c> (filtered, paged) and <c>GET /api/incidents/{id}</c>.</summary>
internal static class IncidentApi
{
    public const int DefaultPageSize = 50;

    public static RouteGroupBuilder MapIncidentApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .RequireAuthorization(ReadApi.IncidentsReadPolicy)
            .RequireRateLimiting(ApiRateLimitPolicy.Name)
            .DisableAntiforgery()
            .WithTags("Incidents")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/incidents", ListAsync).WithName("ListIncidents")
            .WithSummary("Incidents, newest first, filtered and paged");
        api.MapGet("/incidents/{id:long}", GetAsync).WithName("GetIncident")
            .WithSummary("One incident with the newest 200 lines of its timeline");
        return api;
    }

    /// <param name="state">Open, Acknowledged, Resolved or Closed.</param>
    /// <param name="active">true: open or acknowledged only.</param>
    /// <param name="severity">Critical, High, Medium or Low.</param>
    /// <param name="cause">What signalled it, e.g. RunFailed.</param>
    /// <param name="flowId">The flow it is about.</param>
    /// <param name="systemId">The system it is about.</param>
    /// <param name="owner">The owner's email.</param>
    /// <param name="q">Words in the title, subject or detail.</param>
    /// <param name="page">From 1.</param>
    /// <param name="pageSize">1 to 200; 50 when not given.</param>
    private static async Task<Results<Ok<IncidentPage>, ProblemHttpResult>> ListAsync(
        IncidentQueries incidents, string? state, bool? active, string? severity, string? cause, Guid? flowId, Guid? systemId,
        string? owner, string? q, int? page, int? pageSize, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new IncidentFilter
        {
            State = Parse<IncidentState>(state, "state", errors),
            ActiveOnly = active == true,
            Severity = Parse<IncidentSeverity>(severity, "severity", errors),
            Cause = Parse<IncidentCause>(cause, "cause", errors),
            FlowId = flowId,
            SystemId = systemId,
            Owner = owner,
            Text = q,
        };
        var number = page ?? 1;
        var size = pageSize ?? DefaultPageSize;
        if (number < 1)
        {
            errors["page"] = ["Pages count from 1."];
        }
        if (size is < 1 or > IncidentQueries.MaxPageSize)
        {
            errors["pageSize"] = [$"From 1 to {IncidentQueries.MaxPageSize}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query",
                detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }
        try
        {
            var result = await incidents.ListAsync(filter, number - 1, size, cancellationToken);
            return TypedResults.Ok(new IncidentPage(result.Items, result.Total, number, size));
        }
        catch (UnauthorizedAccessException e)
        {
            return Forbidden(e);
        }
    }

    private static async Task<Results<Ok<IncidentDetail>, ProblemHttpResult>> GetAsync(IncidentQueries incidents, long id, CancellationToken cancellationToken)
    {
        try
        {
            return await incidents.GetAsync(id, cancellationToken: cancellationToken) is { } detail
                ? TypedResults.Ok(detail)
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"There is no incident {id}.");
        }
        catch (UnauthorizedAccessException e)
        {
            return Forbidden(e);
        }
    }

    private static ProblemHttpResult Forbidden(UnauthorizedAccessException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: e.Message);

    private static T? Parse<T>(string? text, string name, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        // Names only: "1" would parse as a number and mean whatever the enum's order happens to be.
        if (Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text.Trim()[0]))
        {
            return value;
        }
        errors[name] = [$"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}."];
        return null;
    }
}
