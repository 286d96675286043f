using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>
/// Where lead response time means something: a flow that captures leads, i.e. moves leads or contacts out of a system
/// where people fill in forms (a website or CMS, or a marketing automation tool). An order or an opportunity, or
/// contacts copied between back-office systems, have no lead to respond to, so the figure is neither kept nor shown.
/// </summary>
public static class LeadResponse
{
    public static bool AppliesTo(GovernanceConfiguration configuration, DataFlow flow) =>
        configuration.FindObject(flow.ObjectId)?.Key is { } key
        && (key.Equals("lead", StringComparison.OrdinalIgnoreCase) || key.Equals("contact", StringComparison.OrdinalIgnoreCase))
        && configuration.FindSystem(flow.SourceSystemId)?.Kind is SystemKind.WebsiteCms or SystemKind.MarketingAutomation;

    /// <summary>The flow of a run in this configuration; false when the configuration no longer has it.</summary>
    public static bool AppliesTo(GovernanceConfiguration configuration, Guid flowId) =>
        configuration.Flows.Find(f => f.Id == flowId) is { } flow && AppliesTo(configuration, flow);
}
