using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Tests.Features.Sync.Runs;

public sealed class DryRunFlowsTests
{
    private static readonly GovernanceConfiguration Published = MonitoringHost.Demo();

    [Fact]
    public void A_changed_mapping_offers_a_dry_run_of_its_own_flow_only()
    {
        var mapping = Published.Mappings.First(m => m.FlowId == DemoConfiguration.OrdersFlow);

        var flows = DryRunFlows.For([Item(ConfigurationItemKind.Mapping, mapping.Id)], Published, Published);

        Assert.Equal([DemoConfiguration.OrdersFlow], flows.Select(f => f.Id));
    }

    [Fact]
    public void A_changed_system_offers_every_active_flow_that_reads_or_writes_it()
    {
        var flows = DryRunFlows.For([Item(ConfigurationItemKind.System, DemoConfiguration.Crm)], Published, Published);

        Assert.Equal(3, flows.Count);
        Assert.Equal([DemoConfiguration.OpportunitiesFlow], DryRunFlows.For([Item(ConfigurationItemKind.System, DemoConfiguration.Marketing)], Published, Published).Select(f => f.Id));
    }

    [Fact]
    public void A_new_flow_of_the_draft_is_offered_but_a_paused_one_is_not()
    {
        var draft = Published with
        {
            Flows = Published.Flows.Select(f => f.Id == DemoConfiguration.OrdersFlow ? f with { Status = FlowStatus.Paused } : f).ToList(),
        };

        var flows = DryRunFlows.For(
            [Item(ConfigurationItemKind.Flow, DemoConfiguration.OrdersFlow), Item(ConfigurationItemKind.Flow, DemoConfiguration.WebFormFlow)], Published, draft);

        Assert.Equal([DemoConfiguration.WebFormFlow], flows.Select(f => f.Id));
    }

    [Fact]
    public void A_request_that_touches_no_flow_offers_all_active_flows()
    {
        var journey = Published.Journeys[0];

        Assert.Equal(3, DryRunFlows.For([Item(ConfigurationItemKind.Journey, journey.Id)], Published, Published).Count);
    }

    private static ChangeRequestItem Item(ConfigurationItemKind kind, Guid id) => new() { Id = Guid.NewGuid(), Kind = kind, ItemId = id };
}
