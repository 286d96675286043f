using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>Everything a run of one flow needs from a configuration, looked up once: its ends, mappings, catalog, rules and ownership.</summary>
public sealed class FlowPlan
{
    private FlowPlan(GovernanceConfiguration configuration, DataFlow flow, BusinessObject obj, ConnectedSystem source, ConnectedSystem target)
    {
        Configuration = configuration;
        Flow = flow;
        BusinessObject = obj;
        Source = source;
        Target = target;
        Mappings = [.. configuration.Mappings.Where(m => m.FlowId == flow.Id).OrderBy(m => m.Order)];
        Rules = [.. configuration.Rules.Where(r => r.FlowId == flow.Id).OrderBy(r => r.Order)];
        TargetCatalog = configuration.CatalogOf(target.Id, obj.Id);
        SourceCatalog = configuration.CatalogOf(source.Id, obj.Id);
        Ownership = new FieldOwnership(configuration.SourcesOfTruth.Find(s => s.ObjectId == obj.Id), source.Id);
        MatchKeys = [.. flow.MatchKeys.Where(k => TargetCatalog.ContainsKey(k))];
    }

    public GovernanceConfiguration Configuration { get; }
    public DataFlow Flow { get; }
    public BusinessObject BusinessObject { get; }
    public ConnectedSystem Source { get; }
    public ConnectedSystem Target { get; }
    public IReadOnlyList<FieldMapping> Mappings { get; }
    public IReadOnlyList<BusinessRule> Rules { get; }
    public Dictionary<string, FieldDefinition> TargetCatalog { get; }
    public Dictionary<string, FieldDefinition> SourceCatalog { get; }
    public FieldOwnership Ownership { get; }
    public IReadOnlyList<string> MatchKeys { get; }

    /// <summary>The plan for a flow, or an error in words when the configuration cannot run it.</summary>
    public static (FlowPlan? Plan, string? Error) For(GovernanceConfiguration configuration, Guid flowId)
    {
        var flow = configuration.FindFlow(flowId);
        if (flow is null)
        {
            return (null, "The flow is not in this configuration version.");
        }
        var obj = configuration.FindObject(flow.ObjectId);
        var source = configuration.FindSystem(flow.SourceSystemId);
        var target = configuration.FindSystem(flow.TargetSystemId);
        if (obj is null || source is null || target is null)
        {
            return (null, $"The flow {flow.Name} names a system or object that does not exist.");
        }
        return (new FlowPlan(configuration, flow, obj, source, target), null);
    }

    /// <summary>The object of the target system a rule's "object.field" names (e.g. "contact.customer_status"), with the field.</summary>
    public (BusinessObject Object, string Field)? Related(string qualified)
    {
        var dot = qualified.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return (BusinessObject, qualified);
        }
        var obj = Configuration.Objects.Find(o => string.Equals(o.Key, qualified[..dot], StringComparison.OrdinalIgnoreCase));
        return obj is null ? null : (obj, qualified[(dot + 1)..]);
    }
}
