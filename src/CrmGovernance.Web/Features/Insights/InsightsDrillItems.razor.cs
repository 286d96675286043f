using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using Microsoft.AspNetCore.WebUtilities;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>What the list of units is called, how its numbers read, where each unit's own page is, and why a list is empty.</summary>
public sealed partial class InsightsDrillItems
{
    private bool Steward => Metric.Card == InsightCards.StewardTime;

    private bool Manual => Metric.Card == DrillFigures.ManualPerThousand;

    private string Heading => Metric.Source switch
    {
        DrillSource.ReviewQueue => Steward ? "Steward decisions behind the number"
            : Manual ? "Review and error-queue items that entered the queues" : "Review items that entered the queue",
        DrillSource.ErrorQueue => "Error-queue items that entered the queue",
        DrillSource.Scans => "Duplicate scans behind the number",
        _ => "Incidents behind the number",
    };

    private string Noun => Metric.Source switch
    {
        DrillSource.ReviewQueue => Steward ? "decision(s)" : Manual ? "item(s)" : "pair(s) and held change(s)",
        DrillSource.ErrorQueue => "item(s)",
        DrillSource.Scans => "scan(s)",
        _ => "incident(s)",
    };

    private string ItemTitle => Metric.Source switch
    {
        DrillSource.ReviewQueue => Manual ? "Review item, or source id: reason" : "Review item",
        DrillSource.ErrorQueue => "Source id: reason",
        DrillSource.Scans => "Scan",
        _ => "Incident",
    };

    /// <summary>The moment a unit is counted at, which puts it in the period or out of it.</summary>
    private string When => Metric.Card switch
    {
        InsightCards.StewardTime => "Decided",
        InsightCards.DuplicateRate => "Finished",
        InsightCards.IncidentsOpened => "Opened",
        InsightCards.Mtta => "Acknowledged",
        InsightCards.Mttr or InsightCards.ExpiredShare => "Ended",
        InsightCards.SlaBreaches => "Clock ran out",
        _ => "Entered",
    };

    private string? CountedTitle => Metric.Card switch
    {
        InsightCards.StewardTime => "Handling time",
        InsightCards.DuplicateRate => "Duplicate records",
        InsightCards.Mtta => "Time to acknowledge",
        InsightCards.Mttr => "Time to resolve",
        InsightCards.ExpiredShare => "Ended by expiry",
        _ => null,
    };

    private string Format(double counted) => Metric.Card switch
    {
        InsightCards.StewardTime or InsightCards.Mtta or InsightCards.Mttr => InsightsFormat.Duration(counted),
        InsightCards.ExpiredShare => counted > 0 ? "yes" : "no",
        _ => InsightsFormat.Count(counted),
    };

    private string Sum(DrillItems t)
    {
        var figure = InsightsFormat.Value(Definition.Unit, t.Figure);
        return Metric.Card switch
        {
            InsightCards.ReviewPerThousand or InsightCards.ErrorsPerThousand or DrillFigures.ManualPerThousand =>
                $"Per 1,000 of the {InsightsFormat.Count(t.Processed ?? 0)} records the runs processed: {figure}.",
            InsightCards.StewardTime => $"Handling time in all: {figure}.",
            InsightCards.DuplicateRate => $"{InsightsFormat.Count(t.Counted)} duplicate records of {InsightsFormat.Count(t.Of ?? 0)} read: {figure}.",
            InsightCards.Mtta or InsightCards.Mttr => $"Mean over them: {figure}.",
            InsightCards.ExpiredShare => $"{InsightsFormat.Count(t.Counted)} ended by expiry: {figure}.",
            _ => "",
        };
    }

    /// <summary>Why the list is empty: nothing of the kind in the period for these filters, or (scans) a filter that never matches.</summary>
    private string Empty => Metric.Source == DrillSource.Scans && Query.Filter.FlowId is not null
        ? "Duplicate scans look at a system's object, not a flow: no scan is in a flow's figures. Clear the flow filter to see the scans."
        : Metric.Card switch
        {
            InsightCards.ReviewPerThousand => "No pair or held change entered the review queue in this period for these filters.",
            InsightCards.StewardTime => "No steward decided a review item in this period for these filters, so no steward time is counted.",
            InsightCards.ErrorsPerThousand => "No record of a flow entered the error queue in this period for these filters.",
            DrillFigures.ManualPerThousand => "No pair, held change or record of a flow entered the review or error queue in this period for these filters.",
            InsightCards.DuplicateRate => "No duplicate scan finished in this period for these filters. Stewards start scans from Duplicate scans.",
            InsightCards.IncidentsOpened => "No incident was opened in this period for these filters.",
            InsightCards.Mtta => "No incident was acknowledged in this period for these filters.",
            InsightCards.SlaBreaches => "No incident's clock ran out in this period for these filters.",
            _ => "No incident ended in this period for these filters.",
        };

    /// <summary>A unit's own page and what opening it needs; error-queue items have none of their own, so the queue narrowed to the record.</summary>
    private static FigureLink Link(DrillItem item) => item.Source switch
    {
        DrillSource.ReviewQueue => new($"review-queue/{item.Id}", Capability.ViewReviewQueue, "the review queue"),
        DrillSource.ErrorQueue => new(QueryHelpers.AddQueryString("error-queue", new Dictionary<string, string?>
        {
            ["status"] = "any", ["flow"] = item.FlowId?.ToString(), ["q"] = item.SourceId,
        }.Where(p => p.Value is not null)), Capability.ViewErrorQueue, "the error queue"),
        DrillSource.Scans => new($"duplicate-scans/{item.Id}", Capability.ViewDuplicateScans, "duplicate scans"),
        _ => new($"incidents/{item.Id}", Capability.ViewIncidents, "incidents"),
    };
}
