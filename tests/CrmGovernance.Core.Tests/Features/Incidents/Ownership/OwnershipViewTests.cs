using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Ownership;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Incidents.Ownership;

public sealed class OwnershipViewTests
{
    private const string Contact = "escalation@example.com", Reader = "reader@example.com", Gone = "gone@example.com", Ghost = "ghost@example.com";

    [Fact]
    public async Task Every_object_flow_and_system_is_listed_with_its_owner_steward_and_escalation_contact()
    {
        await using var scenario = await StartAsync(Baseline());
        await scenario.Host.CreateUserAsync(Owner, Roles.BusinessOwner);
        var c = (await scenario.CurrentAsync()).Configuration;

        var report = await ReadAsync(scenario);

        Assert.Equal(c.Objects.Select(o => o.Id).Order(), report.Objects.Select(r => r.Id).Order());
        Assert.Equal(c.Flows.Select(f => f.Id).Order(), report.Flows.Select(r => r.Id).Order());
        Assert.Equal(c.Systems.Select(s => s.Id).Order(), report.Systems.Select(r => r.Id).Order());
        var webForm = report.Flows.Single(r => r.Id == DemoConfiguration.WebFormFlow);
        Assert.Equal((Owner, Steward, Contact), (webForm.Owner, webForm.Steward, webForm.EscalationContact));
        var contact = report.Objects.Single(r => r.Id == c.FindFlow(DemoConfiguration.WebFormFlow)!.ObjectId);
        Assert.Equal((Owner, Steward, Contact), (contact.Owner, contact.Steward, contact.EscalationContact));
        Assert.False(contact.HasGap);
        Assert.Empty(contact.Notes);
        // The website's only flow carries contacts: its steward and contact are the contact object's.
        var website = report.Systems.Single(r => r.Id == DemoConfiguration.Website);
        Assert.Equal((Owner, Steward, Contact), (website.Owner, website.Steward, website.EscalationContact));
        // An object without an escalation contact is warned about, not counted as a gap.
        var other = report.Objects.First(r => r.EscalationContact.Length == 0);
        Assert.Equal(new OwnershipNote("No escalation contact", false), Assert.Single(other.Notes));
        Assert.Equal(0, report.GapCount);
        Assert.Equal(1, report.Version);
    }

    [Fact]
    public async Task An_owner_who_is_disabled_not_a_user_or_without_a_role_that_can_act_is_a_gap()
    {
        var baseline = Baseline();
        baseline = baseline with
        {
            Flows = [.. baseline.Flows.Select(f => f.Id == DemoConfiguration.OrdersFlow ? f with { Owner = Reader }
                : f.Id == DemoConfiguration.OpportunitiesFlow ? f with { Owner = Gone } : f)],
            Systems = [.. baseline.Systems.Select(s => s.Id == DemoConfiguration.Marketing ? s with { Owner = Ghost } : s)],
        };
        await using var scenario = await StartAsync(baseline);
        await scenario.Host.CreateUserAsync(Owner, Roles.BusinessOwner);
        await scenario.Host.CreateUserAsync(Reader, Roles.Manager, Roles.Auditor);
        await scenario.Host.CreateUserAsync(Gone, Roles.BusinessOwner);
        await scenario.Host.ExecuteRawAsync($"""UPDATE "AspNetUsers" SET "IsDisabled" = TRUE WHERE "Email" = '{Gone}'""");

        var report = await ReadAsync(scenario);

        Assert.Equal("Owner reader@example.com holds no role that can work incidents (Admin, BusinessOwner, Steward)", Gaps(report.Flows, DemoConfiguration.OrdersFlow));
        Assert.Equal("Owner gone@example.com is disabled", Gaps(report.Flows, DemoConfiguration.OpportunitiesFlow));
        Assert.Equal("Owner ghost@example.com is not a user of the portal", Gaps(report.Systems, DemoConfiguration.Marketing));
        Assert.Equal("", Gaps(report.Flows, DemoConfiguration.WebFormFlow));
        Assert.Equal(3, report.GapCount);
    }

    [Fact]
    public async Task No_owner_at_all_is_a_gap()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();

        var people = await PeopleDirectory.LoadAsync(db, ["", "  "], CancellationToken.None);

        Assert.Equal("No owner", people.OwnerGap(" "));
    }

    [Fact]
    public async Task Active_incidents_are_counted_per_flow_system_and_object_with_their_clocks()
    {
        await using var scenario = await StartAsync(Baseline());
        await scenario.Host.CreateUserAsync(Owner, Roles.BusinessOwner);
        var c = (await scenario.CurrentAsync()).Configuration;
        var flow = c.FindFlow(DemoConfiguration.WebFormFlow)!;
        var recorder = scenario.Host.Singleton<IncidentRecorder>();
        await recorder.RecordAsync(new IncidentSignal(IncidentCause.RunFailed, "Run failed", "x") { FlowId = flow.Id });
        await recorder.RecordAsync(new IncidentSignal(IncidentCause.RejectionRate, "Rejections", "x") { FlowId = flow.Id });
        var ended = await recorder.RecordAsync(new IncidentSignal(IncidentCause.SilentFlow, "Silent", "x") { FlowId = flow.Id });
        await scenario.Host.ExecuteRawAsync($"""UPDATE "Incident" SET "State" = 'Closed' WHERE "Id" = {ended}""");
        await recorder.RecordAsync(new IncidentSignal(IncidentCause.SystemUnavailable, "Marketing down", "x") { SystemId = DemoConfiguration.Marketing });
        // Past the high-severity run failure's hour to acknowledge, within the others' clocks.
        scenario.Host.Clock.Advance(TimeSpan.FromMinutes(61));

        var report = await ReadAsync(scenario);

        var flowRow = report.Flows.Single(r => r.Id == flow.Id).Incidents;
        Assert.Equal(2, flowRow.Active);
        Assert.True(flowRow.Breached >= 1, "the run failure's acknowledge clock ran out");
        Assert.NotNull(flowRow.NextDueUtc);
        Assert.True(flowRow.NextDueUtc > scenario.Host.Clock.GetUtcNow().UtcDateTime);
        Assert.Equal(2, report.Objects.Single(r => r.Id == flow.ObjectId).Incidents.Active);
        Assert.Equal(1, report.Systems.Single(r => r.Id == DemoConfiguration.Marketing).Incidents.Active);
        Assert.Equal(0, report.Systems.Single(r => r.Id == DemoConfiguration.Shop).Incidents.Active);
        Assert.Equal(0, report.Flows.Single(r => r.Id == DemoConfiguration.OrdersFlow).Incidents.Active);
    }

    /// <summary>The demo, its contact object naming an escalation contact.</summary>
    internal static GovernanceConfiguration Baseline()
    {
        var demo = DemoConfiguration.Build(Owner, Steward);
        var contact = demo.FindFlow(DemoConfiguration.WebFormFlow)!.ObjectId;
        return demo with { Objects = [.. demo.Objects.Select(o => o.Id == contact ? o with { EscalationContact = Contact } : o)] };
    }

    private static string Gaps(IReadOnlyList<OwnershipRow> rows, Guid id) =>
        string.Join(" | ", rows.Single(r => r.Id == id).Notes.Where(n => n.IsGap).Select(n => n.Text));

    private static async Task<OwnershipReport> ReadAsync(ChangeControlScenario scenario)
    {
        await using var scope = scenario.Host.ScopeAs("manager@example.com", Roles.Manager);
        return await scope.ServiceProvider.GetRequiredService<OwnershipView>().ReadAsync();
    }
}
