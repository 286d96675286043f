using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>Which flows a reviewer can dry-run to see what a change request's draft would do.</summary>
public static class DryRunFlows
{
    /// <summary>
    /// The active flows of the draft configuration that the request touches: the flow itself, its mappings or rules,
    /// its object or that object's sources of truth or match rule, a field of its object in one of its systems, one of its systems.
    /// All active flows when it touches none of them (e.g. a journey).
    /// </summary>
    public static IReadOnlyList<DataFlow> For(IEnumerable<ChangeRequestItem> items, GovernanceConfiguration published, GovernanceConfiguration draft)
    {
        var active = draft.Flows.Where(f => f.Status == FlowStatus.Active).OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        var affected = Touched(items, published, draft).Where(f => f.Status == FlowStatus.Active).ToList();
        return affected.Count > 0 ? affected : active;
    }

    /// <summary>The flows of the draft (whatever their status) that the request touches, by name; none when it touches none.</summary>
    public static IReadOnlyList<DataFlow> Touched(IEnumerable<ChangeRequestItem> items, GovernanceConfiguration published, GovernanceConfiguration draft)
    {
        var touched = new List<Func<DataFlow, bool>>();
        foreach (var item in items)
        {
            // Before and after: a deleted mapping touches its flow as much as a new one.
            foreach (var config in new[] { draft, published })
            {
                Func<DataFlow, bool>? test = ConfigurationItems.Find(config, item.Kind, item.ItemId) switch
                {
                    DataFlow flow => f => f.Id == flow.Id,
                    FieldMapping m => f => f.Id == m.FlowId,
                    BusinessRule r => f => f.Id == r.FlowId,
                    Scenario s => f => f.Id == s.FlowId,
                    BusinessObject o => f => f.ObjectId == o.Id,
                    SourceOfTruth s => f => f.ObjectId == s.ObjectId,
                    MatchRule r => f => f.ObjectId == r.ObjectId,
                    FieldDefinition d => f => f.ObjectId == d.ObjectId && (f.SourceSystemId == d.SystemId || f.TargetSystemId == d.SystemId),
                    ConnectedSystem s => f => f.SourceSystemId == s.Id || f.TargetSystemId == s.Id,
                    _ => null,
                };
                if (test is not null)
                {
                    touched.Add(test);
                }
            }
        }
        return [.. draft.Flows.Where(f => touched.Exists(t => t(f))).OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
