using System.Text.Json;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Insights.Comparison;

/// <summary>
/// Everything that decides what a flow does to a record: the flow, its mappings and rules, its object's match rule, sources
/// of truth and the target's field catalog. Two versions changed a flow when its fingerprints differ.
/// </summary>
public static class FlowFingerprint
{
    public static string Of(GovernanceConfiguration configuration, DataFlow flow) => JsonSerializer.Serialize(new
    {
        flow,
        mappings = configuration.Mappings.Where(m => m.FlowId == flow.Id).OrderBy(m => m.Id).ToList(),
        rules = configuration.Rules.Where(r => r.FlowId == flow.Id).OrderBy(r => r.Id).ToList(),
        match = configuration.MatchRuleOf(flow.ObjectId),
        sources = configuration.SourcesOfTruth.Where(s => s.ObjectId == flow.ObjectId).OrderBy(s => s.Id).ToList(),
        fields = configuration.FieldsOf(flow.TargetSystemId, flow.ObjectId).OrderBy(f => f.Id).ToList(),
    });

    /// <summary>The flows of <paramref name="after"/> that <paramref name="before"/> did not have, or had otherwise.</summary>
    public static IReadOnlySet<Guid> Changed(GovernanceConfiguration before, GovernanceConfiguration after) =>
        after.Flows.Where(f => before.FindFlow(f.Id) is not { } old || Of(before, old) != Of(after, f)).Select(f => f.Id).ToHashSet();
}
