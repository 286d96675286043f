using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Incidents.Ownership;

/// <summary>Incident policies and escalation contacts change through change requests, and their diffs read in words.</summary>
public sealed class IncidentPolicyChangeTests
{
    [Fact]
    public async Task A_saved_incident_policy_shows_in_the_change_request_diff_with_readable_labels()
    {
        var policy = new IncidentPolicy { Id = Guid.NewGuid() };
        var demo = DemoConfiguration.Build(Owner, Steward);
        await using var scenario = await StartAsync(demo with { IncidentPolicies = [policy] });
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Tighter clocks", "Test"));

        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, policy with { ErrorQueueThreshold = 50, AcknowledgeMinutes = [10, 60, 240, 1440] })));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, new IncidentPolicy { Id = Guid.NewGuid(), FlowId = DemoConfiguration.WebFormFlow })));
        var diff = await scenario.AsOwner(s => s.DescribeAsync(id));

        var changed = diff.Single(d => d.ItemId == policy.Id);
        Assert.Equal("Incident policy (default)", changed.Title);
        Assert.Equal(["Error queue threshold (waiting items)", "Minutes to acknowledge (critical)"], changed.Fields.Select(f => f.ShownLabel).Order());
        Assert.Contains(changed.Fields, f => f is { Old: "15", New: "10" });
        var added = diff.Single(d => d.ItemId != policy.Id);
        Assert.Equal((ConfigurationItemKind.IncidentPolicy, DiffKind.Added), (added.Kind, added.Change));
        Assert.Equal("Incident policy for flow Web form to CRM contacts", added.Title);
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
    }

    [Fact]
    public async Task An_escalation_contact_change_reads_as_such_in_the_diff()
    {
        await using var scenario = await StartAsync();
        var obj = (await scenario.CurrentAsync()).Configuration.Objects[0];
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Escalate to the head of sales", "Test"));

        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, obj with { EscalationContact = "head.of.sales@example.com" })));
        var diff = await scenario.AsOwner(s => s.DescribeAsync(id));

        var field = Assert.Single(Assert.Single(diff).Fields);
        Assert.Equal(("Escalation contact", "head.of.sales@example.com"), (field.ShownLabel, field.ShownNew));
    }
}
