using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.ChangeControl;

/// <summary>A change is reviewed by an admin or by a business owner accountable for everything it touches, systems included.</summary>
public sealed class ReviewAccountabilityTests
{
    private const string Author = "second.admin@example.com";
    private static readonly string[] AuthorRoles = [Roles.Admin];

    [Fact]
    public async Task A_business_owner_who_owns_nothing_cannot_approve_a_change_that_only_touches_a_system()
    {
        await using var scenario = await StartAsync();
        var crm = (await scenario.CurrentAsync()).Configuration.FindSystem(DemoConfiguration.Crm)!;
        var id = await SubmitAsync(scenario, crm with { Name = "CRM (rewired)" });

        var result = await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null));

        Assert.False(result.Succeeded);
        Assert.Contains("accountable for everything", result.Errors[0], StringComparison.Ordinal);
        Assert.Equal(1, (await scenario.CurrentAsync()).Version);
        Require(await scenario.As(Owner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null)));
    }

    [Fact]
    public async Task Owning_the_objects_is_not_enough_to_approve_a_change_to_a_system_someone_else_owns()
    {
        var demo = DemoConfiguration.Build(Owner, Steward);
        var baseline = demo with { Systems = [.. demo.Systems.Select(s => s.Id == DemoConfiguration.Crm ? s with { Owner = OtherOwner } : s)] };
        await using var scenario = await StartAsync(baseline);
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await SubmitAsync(scenario, current.FindSystem(DemoConfiguration.Crm)! with { Name = "CRM (moved)" },
            current.FindObject(StandardObjects.Contact)! with { Description = "People we know" });

        Assert.False((await scenario.As(Owner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null))).Succeeded);
        Assert.False((await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null))).Succeeded);
        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
    }

    [Fact]
    public async Task A_journey_is_reviewed_by_its_owner_and_a_flow_by_its_owner_and_its_objects_owner()
    {
        var demo = DemoConfiguration.Build(Owner, Steward);
        var baseline = demo with { Flows = [.. demo.Flows.Select(f => f.Id == DemoConfiguration.OrdersFlow ? f with { Owner = OtherOwner } : f)] };
        await using var scenario = await StartAsync(baseline);
        var current = (await scenario.CurrentAsync()).Configuration;
        var journey = await SubmitAsync(scenario, current.Journeys[0] with { Description = "Reworded" });
        var flow = await SubmitAsync(scenario, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Outcome = "Orders reach the CRM within minutes." });

        Assert.False((await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.ApproveAsync(journey, null))).Succeeded);
        Require(await scenario.As(Owner, [Roles.BusinessOwner], r => r.ApproveAsync(journey, null)));
        Assert.False((await scenario.As(Owner, [Roles.BusinessOwner], r => r.ApproveAsync(flow, null))).Succeeded);
        Assert.False((await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.ApproveAsync(flow, null))).Succeeded);
    }

    [Fact]
    public async Task Requests_waiting_for_a_business_owner_are_only_those_they_may_approve()
    {
        await using var scenario = await StartAsync();
        var crm = (await scenario.CurrentAsync()).Configuration.FindSystem(DemoConfiguration.Crm)!;
        var id = await SubmitAsync(scenario, crm with { Name = "CRM (renamed)" });

        Assert.DoesNotContain(await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.WaitingForMeAsync()), s => s.Id == id);
        Assert.Contains(await scenario.As(Owner, [Roles.BusinessOwner], r => r.WaitingForMeAsync()), s => s.Id == id);
    }

    private static async Task<Guid> SubmitAsync(ChangeControlScenario scenario, params IConfigurationItem[] items)
    {
        var id = await scenario.As<ChangeRequestService, Guid>(Author, AuthorRoles, s => s.CreateDraftAsync("Change", "For review"));
        foreach (var item in items)
        {
            Require(await scenario.As<ChangeRequestService, OperationResult>(Author, AuthorRoles, s => s.SaveItemAsync(id, item)));
        }
        Require(await scenario.As<ChangeRequestService, OperationResult>(Author, AuthorRoles, s => s.SubmitAsync(id)));
        return id;
    }
}
