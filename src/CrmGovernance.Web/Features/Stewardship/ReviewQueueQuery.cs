using System.Globalization;
using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>
/// The review queue's filters in the query string, so a filtered list has a URL and the item page can walk the same
/// list (next, previous) and lead back to it. Defaults are left out.
/// </summary>
public static class ReviewQueueQuery
{
    public static ReviewQueueFilter Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString() : null;
        Guid? Id(string name) => Guid.TryParse(Text(name), out var id) ? id : null;
        double? Number(string name) => double.TryParse(Text(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : null;
        return new ReviewQueueFilter
        {
            View = Enum.TryParse<ReviewView>(Text("view"), ignoreCase: true, out var view) ? view : ReviewView.Waiting,
            ObjectId = Id("object"),
            SystemId = Id("system"),
            FlowId = Id("flow"),
            MinScore = Number("min"),
            MaxScore = Number("max"),
            MinAgeDays = int.TryParse(Text("age"), NumberStyles.None, CultureInfo.InvariantCulture, out var age) ? age : null,
            Assignee = Text("assignee"),
            Sort = Enum.TryParse<ReviewSort>(Text("sort"), ignoreCase: true, out var sort) ? sort : ReviewSort.HighestScore,
        };
    }

    /// <summary>Every filter parameter, null where the filter has its default (so it leaves the URL).</summary>
    public static Dictionary<string, object?> Parameters(ReviewQueueFilter filter) => new()
    {
        ["view"] = filter.View == ReviewView.Waiting ? null : filter.View.ToString(),
        ["object"] = filter.ObjectId,
        ["system"] = filter.SystemId,
        ["flow"] = filter.FlowId,
        ["min"] = filter.MinScore?.ToString(CultureInfo.InvariantCulture),
        ["max"] = filter.MaxScore?.ToString(CultureInfo.InvariantCulture),
        ["age"] = filter.MinAgeDays,
        ["assignee"] = filter.Assignee,
        ["sort"] = filter.Sort == ReviewSort.HighestScore ? null : filter.Sort.ToString(),
    };

    /// <summary>"?min=0.9&amp;sort=Oldest", or "" for the default list.</summary>
    public static string QueryString(ReviewQueueFilter filter) =>
        QueryHelpers.AddQueryString("", Parameters(filter).Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, string?>(p.Key, Convert.ToString(p.Value, CultureInfo.InvariantCulture))));
}
