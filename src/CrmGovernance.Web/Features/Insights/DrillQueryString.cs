using System.Globalization;
using CrmGovernance.Core.Features.Insights.Drill;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// The drill-down's own narrowing in the query string, beside the dashboard's filters: an hour-precise window
/// (<c>fromUtc=2026-11-02T14:00:00Z&amp;toUtc=…</c>, which replaces the days) and a set of flows (<c>flows=id,id,…</c>, at most
/// <see cref="DrillFlows.Max"/>). A value that does not read is named in <see cref="Problem"/>, and nothing is listed:
/// a number over another window or flows would not be the number linked.
/// </summary>
public sealed record DrillQueryString(DrillWindow? Window, DrillFlows? Flows, string? Problem)
{
    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private static readonly string[] InstantFormats = [InstantFormat, "yyyy-MM-dd'T'HH:mm'Z'"];

    public static DrillQueryString Parse(string uri)
    {
        var query = QueryHelpers.ParseQuery(new Uri(uri).Query);
        var problems = new List<string>();
        string? Text(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.ToString().Trim() : null;
        DateTime? Instant(string name, string what)
        {
            if (Text(name) is not { } text)
            {
                return null;
            }
            if (DateTime.TryParseExact(text, InstantFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return at;
            }
            problems.Add($"The {what} \"{text}\" is not a UTC time: write it as YYYY-MM-DDTHH:MM:SSZ.");
            return null;
        }
        var (from, to) = (Instant("fromUtc", "window start"), Instant("toUtc", "window end"));
        DrillWindow? window = null;
        if (from is { } f && to is { } t)
        {
            window = new DrillWindow(f, t);
            if (window.Problem() is { } p)
            {
                problems.Add(p);
            }
        }
        else if ((Text("fromUtc") is null) != (Text("toUtc") is null))
        {
            problems.Add("A window needs both a start (fromUtc) and an end (toUtc).");
        }
        DrillFlows? flows = null;
        if (Text("flows") is { } list)
        {
            var parts = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var ids = parts.Select(p => Guid.TryParse(p, out var id) ? id : (Guid?)null).ToList();
            if (ids.Any(i => i is null))
            {
                problems.Add($"The link names {ids.Count(i => i is null)} flow(s) the portal does not know.");
            }
            flows = new DrillFlows(ids.OfType<Guid>());
            if (flows.Problem() is { } p)
            {
                problems.Add(p);
            }
        }
        return new DrillQueryString(window, flows, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    /// <summary>The window and flows of a query as parameters, for <see cref="InsightsQuery.QueryString"/> (null leaves the URL).</summary>
    public static (string Name, object? Value)[] Parameters(DrillQuery query) =>
    [
        ("fromUtc", query.Window is { } w ? Text(w.FromUtc) : null),
        ("toUtc", query.Window is { } w2 ? Text(w2.ToUtc) : null),
        ("flows", query.Flows?.ToString()),
    ];

    public static string Text(DateTime utc) => utc.ToString(InstantFormat, CultureInfo.InvariantCulture);
}
