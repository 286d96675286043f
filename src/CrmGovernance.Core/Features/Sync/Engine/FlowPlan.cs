using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// Everything a run of one flow needs from a configuration, looked up once: its ends, mappings, catalog, rules,
/// ownership and, when the object has a match rule, the compiled rule and where the target keeps each attribute.
/// </summary>
public sealed class FlowPlan
{
    private FlowPlan(GovernanceConfiguration configuration, DataFlow flow, BusinessObject obj, ConnectedSystem source, ConnectedSystem target, MatchModel? matchModel)
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
        MatchModel = matchModel;
        TargetMatchFields = matchModel is null ? null : MatchFields.For(matchModel.Rule, TargetCatalog);
        IdentityFields = TargetMatchFields is null ? new(StringComparer.OrdinalIgnoreCase)
            : TargetMatchFields.FieldByAttribute.Where(p => matchModel!.Rule.Comparisons.Any(c => c.Attribute == p.Key))
                .ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
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
    /// <summary>The object's match rule, compiled; null when the object has none (then matching stops at the match keys).</summary>
    public MatchModel? MatchModel { get; }
    /// <summary>Which target field carries each attribute of <see cref="MatchModel"/>; null without a match rule.</summary>
    public MatchFields? TargetMatchFields { get; }
    /// <summary>The target fields the match rule compares (identity evidence), each with its attribute; empty without a match rule.</summary>
    public Dictionary<string, string> IdentityFields { get; }

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
        var (model, ruleError) = Compile(configuration.MatchRuleOf(obj.Id), flow.DefaultRegion);
        return ruleError is null ? (new FlowPlan(configuration, flow, obj, source, target, model), null) : (null, $"The match rule of {obj.Name} cannot run: {ruleError}");
    }

    /// <summary>The rule compiled to read numbers and addresses in its own region, else the flow's default region.</summary>
    private static (MatchModel? Model, string? Error) Compile(MatchRule? rule, string flowRegion)
    {
        if (rule is null)
        {
            return (null, null);
        }
        try
        {
            return (MatchModel.Compile(rule, rule.Region ?? flowRegion), null);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            return (null, e.Message);
        }
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
