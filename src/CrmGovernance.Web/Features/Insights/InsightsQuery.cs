using System.Globalization;
using CrmGovernance.Core.Features.Insights.Dashboard;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// The insights filters in the query string (<c>?from=2026-09-01&amp;to=2026-11-29&amp;object=…&amp;flow=…&amp;system=…&amp;baselineFrom=…&amp;baselineTo=…</c>),
/// so a view is a link that can be shared. Without a period the last <see cref="DefaultDays"/> days (UTC) are shown.
/// A value that does not read is named in <see cref="Problem"/> and the default used in its place.
/// </summary>
public sealed record InsightsQuery(InsightsFilter Filter, string? Problem)
{
    public const int DefaultDays = 30;

    public static readonly int[] PresetDays = [7, 30, 90];

    private const string DayFormat = "yyyy-MM-dd";

    public static InsightsQuery Parse(string uri, DateOnly today)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        var problems = new List<string>();
        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        DateOnly? Day(string name, string what)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }
            problems.Add($"The {what} \"{text}\" is not a date: write it as YYYY-MM-DD.");
            return null;
        }
        Guid? Id(string name, string what)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (Guid.TryParse(text, out var id))
            {
                return id;
            }
            problems.Add($"The {what} in the link is not one the portal knows; showing every {what}.");
            return null;
        }
        var defaults = InsightsFilter.LastDays(today, DefaultDays);
        var filter = new InsightsFilter(Day("from", "start date") ?? defaults.From, Day("to", "end date") ?? defaults.To,
            Id("object", "object"), Id("flow", "flow"), Id("system", "system"),
            Day("baselineFrom", "baseline start"), Day("baselineTo", "baseline end"));
        if (filter.Problem() is { } problem)
        {
            problems.Add(problem);
        }
        return new InsightsQuery(filter, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    /// <summary>Every filter parameter, for <c>GetUriWithQueryParameters</c> (null leaves the URL).</summary>
    public static Dictionary<string, object?> Parameters(InsightsFilter filter) => new()
    {
        ["from"] = Text(filter.From),
        ["to"] = Text(filter.To),
        ["object"] = filter.ObjectId,
        ["flow"] = filter.FlowId,
        ["system"] = filter.SystemId,
        ["baselineFrom"] = filter.BaselineFrom is { } bf ? Text(bf) : null,
        ["baselineTo"] = filter.BaselineTo is { } bt ? Text(bt) : null,
    };

    /// <summary>"?from=…&amp;to=…" with the filter and any <paramref name="extra"/> parameters that have a value.</summary>
    public static string QueryString(InsightsFilter filter, params (string Name, object? Value)[] extra) =>
        QueryHelpers.AddQueryString("", Parameters(filter).Select(p => (p.Key, p.Value)).Concat(extra)
            .Where(p => p.Item2 is not null)
            .Select(p => new KeyValuePair<string, string?>(p.Item1, Convert.ToString(p.Item2, CultureInfo.InvariantCulture))));

    public static string Text(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);
}
