namespace CrmGovernance.Web.Features.Configuration;

/// <summary>Where later features add to a flow's page (<see cref="CrmGovernance.Web.Components.Shared.PageSlot"/>).</summary>
public static class FlowSlots
{
    /// <summary>
    /// Under the flow's summary, published or drafted (Quality offers to assess its source and target data first).
    /// Parameter: <c>Flow</c> (<see cref="CrmGovernance.Core.Features.Configuration.Model.DataFlow"/>).
    /// </summary>
    public const string Summary = "flow.summary";
}
