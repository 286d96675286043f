namespace CrmGovernance.Web.Features.Configuration;

/// <summary>Where later features add to a flow's page (<see cref="CrmGovernance.Web.Components.Shared.PageSlot"/>).</summary>
public static class FlowSlots
{
    /// <summary>
    /// Under the flow's summary, published or drafted (Quality offers to assess its source and target data first).
    /// Parameter: <c>Flow</c> (<see cref="CrmGovernance.Core.Features.Configuration.Model.DataFlow"/>).
    /// </summary>
    public const string Summary = "flow.summary";

    /// <summary>
    /// Under the flow's mappings and rules, published or drafted (Scenarios shows the flow's scenario suite).
    /// Parameters: <c>Flow</c> (<see cref="CrmGovernance.Core.Features.Configuration.Model.DataFlow"/>) and <c>ChangeRequestId</c>
    /// (<see cref="Guid"/>?: the change request being edited, null for the published configuration).
    /// </summary>
    public const string Sections = "flow.sections";
}
