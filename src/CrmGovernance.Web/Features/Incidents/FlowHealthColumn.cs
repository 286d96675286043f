using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Incidents.Ownership;
using CrmGovernance.Web.Features.Configuration;
using MudBlazor;

namespace CrmGovernance.Web.Features.Incidents;

/// <summary>The Flows list's Health column: each published flow's health, linked to its incidents, for those who may see incidents.</summary>
internal sealed class FlowHealthColumn(FlowHealth health, ActorContext actor) : IFlowListColumn
{
    public string Header => "Health";

    // Published flows only: a flow still in a draft has no incidents or runs.
    public async Task<IReadOnlyDictionary<Guid, FlowListChip>> LoadAsync(CancellationToken cancellationToken = default)
    {
        if (!actor.Holds(Capability.ViewIncidents))
        {
            return new Dictionary<Guid, FlowListChip>();
        }
        var rows = await health.ListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Key, r => new FlowListChip(ChipText(r.Value.Level), ChipColor(r.Value.Level), string.Join("; ", r.Value.Reasons),
            $"incidents?flow={r.Key}", new Dictionary<string, object> { ["data-health"] = r.Value.Level.ToString() }));
    }

    private static Color ChipColor(FlowHealthLevel level) => level switch
    {
        FlowHealthLevel.Failing => Color.Error,
        FlowHealthLevel.Warning => Color.Warning,
        _ => Color.Success,
    };

    private static string ChipText(FlowHealthLevel level) => level switch
    {
        FlowHealthLevel.Failing => "failing",
        FlowHealthLevel.Warning => "warning",
        _ => "healthy",
    };
}
