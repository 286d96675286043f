using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// Where a number leads: the runs behind it (the drill-down page, same filters) when runs make it, otherwise the page
/// that holds its source (the review or error queue, the duplicate scans, the incidents) with the filters that page takes.
/// </summary>
public static class InsightsLinks
{
    public static FigureLink For(string card, InsightsFilter filter, string? reason = null) => DrillMetric.For(card).Source switch
    {
        DrillSource.Runs => new(Drill(card, filter, reason), Capability.ViewInsights, "the runs behind this figure"),
        DrillSource.ReviewQueue => new("review-queue" + Query(("view", "All"), ("object", filter.ObjectId), ("flow", filter.FlowId), ("system", filter.SystemId)),
            Capability.ViewReviewQueue, "the review queue"),
        DrillSource.ErrorQueue => new("error-queue" + Query(("status", "any"), ("flow", filter.FlowId)), Capability.ViewErrorQueue, "the error queue"),
        DrillSource.Scans => new("duplicate-scans", Capability.ViewDuplicateScans, "the duplicate scans"),
        _ => new("incidents?state=all", Capability.ViewIncidents, "the incidents"),
    };

    /// <summary>The drill-down of a card with the dashboard's period and subjects (the baseline is not part of a number).</summary>
    public static string Drill(string card, InsightsFilter filter, string? reason = null, long? run = null) =>
        "insights/drill" + InsightsQuery.QueryString(filter with { BaselineFrom = null, BaselineTo = null }, ("card", card), ("reason", reason), ("run", run));

    public static string Version(int number, int days = InsightsComparison.DefaultDays) => $"insights/versions/{number}?days={days}";

    private static string Query(params (string Name, object? Value)[] parameters) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("", parameters.Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, string?>(p.Name, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))));
}
