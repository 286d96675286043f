using System.Globalization;
using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Web.Features.Insights.Api;

/// <summary>
/// The insights filters as the API and the Excel download take them from the query string: <c>from</c>, <c>to</c>,
/// <c>baselineFrom</c>, <c>baselineTo</c> (UTC days, yyyy-MM-dd, both ends included), <c>object</c>, <c>flow</c>,
/// <c>system</c> (ids). Without a period: the last 30 days up to today (UTC). Each bad value gets its own message.
/// </summary>
internal static class InsightsApiQuery
{
    public const int DefaultDays = 30;

    public static InsightsFilter? Parse(InsightsFilterQuery query, TimeProvider clock, Dictionary<string, string[]> errors)
    {
        var from = Day(query.From, "from", errors);
        var to = Day(query.To, "to", errors);
        var baselineFrom = Day(query.BaselineFrom, "baselineFrom", errors);
        var baselineTo = Day(query.BaselineTo, "baselineTo", errors);
        var objectId = Id(query.ObjectId, "object", errors);
        var flowId = Id(query.FlowId, "flow", errors);
        var systemId = Id(query.SystemId, "system", errors);
        if (errors.Count > 0)
        {
            return null;
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = to ?? (from is { } f && f > today ? f : today);
        var filter = new InsightsFilter(from ?? end.AddDays(1 - DefaultDays), end, objectId, flowId, systemId, baselineFrom, baselineTo);
        if (filter.Problem() is { } problem)
        {
            errors[baselineFrom is null && baselineTo is null || filter.To < filter.From ? "from" : "baselineFrom"] = [problem];
            return null;
        }
        return filter;
    }

    /// <summary>A 400 ProblemDetails naming each bad parameter, as the incident API answers.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid query",
            detail: string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value[0]}")), extensions: new Dictionary<string, object?> { ["errors"] = errors });

    public static int Number(int? value, string name, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (value is { } number && (number < min || number > max))
        {
            errors[name] = [$"From {min} to {max}."];
        }
        return value ?? fallback;
    }

    private static DateOnly? Day(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[name] = [$"'{text}' is not a day written yyyy-MM-dd."];
        return null;
    }

    private static Guid? Id(string? text, string name, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (Guid.TryParse(text.Trim(), out var id))
        {
            return id;
        }
        errors[name] = [$"'{text}' is not an id."];
        return null;
    }
}
