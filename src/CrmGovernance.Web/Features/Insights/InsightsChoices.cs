using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Insights.Dashboard;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// What the filters offer, from the published configuration and the caller's scope: a business owner is offered only
/// the objects they own, their flows, and the systems those flows connect. Names cover everything configured, so a
/// link naming something outside the scope still reads (and is refused with the reason).
/// </summary>
public sealed class InsightsChoices
{
    public sealed record Choice(Guid Id, string Name);

    public sealed record FlowChoice(Guid Id, string Name, Guid ObjectId);

    private readonly Dictionary<Guid, string> _names = [];

    public static readonly InsightsChoices None = new(GovernanceConfiguration.Empty, new InsightsScope(false, new HashSet<Guid>()));

    public InsightsChoices(GovernanceConfiguration configuration, InsightsScope scope)
    {
        var comparer = StringComparer.CurrentCultureIgnoreCase;
        Objects = configuration.Objects.Where(o => scope.Includes(o.Id)).OrderBy(o => o.Name, comparer).Select(o => new Choice(o.Id, o.Name)).ToList();
        var flows = configuration.Flows.Where(f => scope.Includes(f.ObjectId)).ToList();
        Flows = flows.OrderBy(f => f.Name, comparer).Select(f => new FlowChoice(f.Id, f.Name, f.ObjectId)).ToList();
        var systems = flows.SelectMany(f => new[] { f.SourceSystemId, f.TargetSystemId }).ToHashSet();
        Systems = configuration.Systems.Where(s => scope.Everything || systems.Contains(s.Id)).OrderBy(s => s.Name, comparer)
            .Select(s => new Choice(s.Id, s.Name)).ToList();
        foreach (var o in configuration.Objects)
        {
            _names[o.Id] = o.Name;
        }
        foreach (var f in configuration.Flows)
        {
            _names[f.Id] = f.Name;
        }
        foreach (var s in configuration.Systems)
        {
            _names[s.Id] = s.Name;
        }
    }

    public IReadOnlyList<Choice> Objects { get; }

    public IReadOnlyList<FlowChoice> Flows { get; }

    public IReadOnlyList<Choice> Systems { get; }

    public string NameOf(Guid id) => _names.TryGetValue(id, out var name) ? name : "(not in the published configuration)";
}
