using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace CrmGovernance.Web.Features.Insights.Api;

/// <summary>The dashboard's filters in a query string, shared by the insights API and the Excel download; <see cref="InsightsApiQuery"/> reads them.</summary>
public sealed record InsightsFilterQuery(
    [property: Description("First UTC day of the period, yyyy-MM-dd. Default: 29 days before 'to'.")][FromQuery(Name = "from")] string? From,
    [property: Description("Last UTC day of the period (included), yyyy-MM-dd. Default: today.")][FromQuery(Name = "to")] string? To,
    [property: Description("Only this business object (its id).")][FromQuery(Name = "object")] string? ObjectId,
    [property: Description("Only this flow (its id).")][FromQuery(Name = "flow")] string? FlowId,
    [property: Description("Only flows from or to this system (its id).")][FromQuery(Name = "system")] string? SystemId,
    [property: Description("First day of the baseline, yyyy-MM-dd; with baselineTo. Default: the baseline named for the object or flow, else the period just before.")]
    [FromQuery(Name = "baselineFrom")] string? BaselineFrom,
    [property: Description("Last day of the baseline (included), yyyy-MM-dd; with baselineFrom.")][FromQuery(Name = "baselineTo")] string? BaselineTo);
