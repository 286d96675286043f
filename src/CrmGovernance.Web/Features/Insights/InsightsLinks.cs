using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// Where a number leads: always the drill-down page with the number's own period and subjects, which lists what it
/// counts (the runs and their records, or the review items, decisions, error-queue items, scans or incidents) and links
/// each to its own page.
/// </summary>
public static class InsightsLinks
{
    public static FigureLink For(string card, InsightsFilter filter, string? reason = null) => For(new DrillQuery(card, filter, reason));

    /// <summary>A number over its own window and flows (the version comparison's cells), or over the dashboard's filters.</summary>
    public static FigureLink For(DrillQuery query) =>
        new(Drill(query), Capability.ViewInsights, DrillMetric.For(query.Card).Source switch
        {
            DrillSource.Runs => "the runs behind this figure",
            DrillSource.ReviewQueue => query.Card switch
            {
                InsightCards.StewardTime => "the steward decisions behind this figure",
                DrillFigures.ManualPerThousand => "the review and error-queue items behind this figure",
                _ => "the review items behind this figure",
            },
            DrillSource.ErrorQueue => "the error-queue items behind this figure",
            DrillSource.Scans => "the duplicate scans behind this figure",
            _ => "the incidents behind this figure",
        });

    /// <summary>A card's value in its baseline period: the same figure and subjects, the baseline's days as the period.</summary>
    public static FigureLink Baseline(string card, InsightsFilter filter, BaselinePeriod baseline) =>
        For(card, filter with { From = baseline.From, To = baseline.To });

    /// <summary>The drill-down of a card with the dashboard's period and subjects (the baseline is not part of a number).</summary>
    public static string Drill(string card, InsightsFilter filter, string? reason = null, long? run = null) =>
        Drill(new DrillQuery(card, filter, reason), run);

    public static string Drill(DrillQuery query, long? run = null) =>
        "insights/drill" + InsightsQuery.QueryString(query.Filter with { BaselineFrom = null, BaselineTo = null },
            [("card", query.Card), ("reason", query.Reason), .. DrillQueryString.Parameters(query), ("run", run)]);

    public static string Version(int number, int days = InsightsComparison.DefaultDays) => $"insights/versions/{number}?days={days}";
}
