using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Scenarios.SignOffs;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Scenarios;

public sealed class SignOffTests
{
    private const string Admin = ChangeControlScenario.Admin;
    private const string Sales = "sales.lead@example.com";

    [Fact]
    public async Task A_change_naming_an_acceptance_reviewer_is_published_only_once_they_sign_off_on_what_it_holds()
    {
        await using var cc = await ChangeControlScenario.StartAsync();
        var salesId = await cc.Host.CreateUserAsync(Sales);
        var flow = (await cc.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.WebFormFlow)!;
        var id = await cc.AsOwner(s => s.CreateDraftAsync("Outcome wording", "Clearer"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(id, flow with { Outcome = "Enquiries reach sales in minutes." })));
        ChangeControlScenario.Require(await As<SignOffService, OperationResult>(cc, ChangeControlScenario.Owner, "id-" + ChangeControlScenario.Owner,
            [Roles.BusinessOwner], s => s.RequestAsync(id, Sales)));
        Assert.False((await As<SignOffService, OperationResult>(cc, ChangeControlScenario.Owner, "id-" + ChangeControlScenario.Owner,
            [Roles.BusinessOwner], s => s.RequestAsync(id, "nobody@example.com"))).Succeeded);
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SubmitAsync(id)));

        var refused = await cc.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null));
        Assert.False(refused.Succeeded);
        Assert.Contains(refused.Errors, e => e.Contains("sales.lead has not signed off yet", StringComparison.Ordinal));

        var mine = await As<SignOffService, IReadOnlyList<(SignOff SignOff, string Label, string Title)>>(cc, Sales, salesId, [], s => s.WaitingForMeAsync());
        var signOff = Assert.Single(mine).SignOff;
        Assert.False((await As<SignOffService, OperationResult>(cc, Sales, salesId, [], s => s.DecideAsync(signOff.Id, SignOffDecision.Concern, " "))).Succeeded);
        Assert.False((await As<SignOffService, OperationResult>(cc, Admin, "id-" + Admin, [Roles.Admin],
            s => s.DecideAsync(signOff.Id, SignOffDecision.SignedOff, null))).Succeeded);
        ChangeControlScenario.Require(await As<SignOffService, OperationResult>(cc, Sales, salesId, [],
            s => s.DecideAsync(signOff.Id, SignOffDecision.Concern, "Sales reads the outcome on the pipeline board; keep 'within minutes'.")));
        var concern = await cc.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null));
        Assert.Contains(concern.Errors, e => e.Contains("raised a concern", StringComparison.Ordinal) && e.Contains("within minutes", StringComparison.Ordinal));

        ChangeControlScenario.Require(await As<SignOffService, OperationResult>(cc, Sales, salesId, [], s => s.DecideAsync(signOff.Id, SignOffDecision.SignedOff, "Fine after talking it through")));
        ChangeControlScenario.Require(await cc.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
        Assert.Equal("Enquiries reach sales in minutes.", (await cc.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.WebFormFlow)!.Outcome);
    }

    [Fact]
    public async Task A_flow_that_requires_sign_off_refuses_a_change_naming_no_reviewer()
    {
        await using var cc = await ChangeControlScenario.StartAsync();
        var flow = (await cc.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!;
        var first = await cc.AsOwner(s => s.CreateDraftAsync("Sign-off for orders", "Finance signs off every change"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(first, flow with { RequiresSignOff = true })));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SubmitAsync(first)));
        var refused = await cc.As(Admin, [Roles.Admin], r => r.ApproveAsync(first, null));
        Assert.Contains(refused.Errors, e => e.Contains("Shop orders to CRM require(s) acceptance sign-off", StringComparison.Ordinal));
        Assert.False((await cc.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.OrdersFlow)!.RequiresSignOff);
    }

    [Fact]
    public async Task Only_the_author_or_an_admin_names_reviewers_and_only_reviewers_or_readers_see_them()
    {
        await using var cc = await ChangeControlScenario.StartAsync();
        var salesId = await cc.Host.CreateUserAsync(Sales);
        await cc.Host.CreateUserAsync("ops@example.com");
        var id = await cc.AsOwner(s => s.CreateDraftAsync("Anything", "Because"));
        Assert.False((await As<SignOffService, OperationResult>(cc, ChangeControlScenario.OtherOwner, "id-" + ChangeControlScenario.OtherOwner,
            [Roles.BusinessOwner], s => s.RequestAsync(id, Sales))).Succeeded);
        ChangeControlScenario.Require(await As<SignOffService, OperationResult>(cc, Admin, "id-" + Admin, [Roles.Admin], s => s.RequestAsync(id, Sales)));
        Assert.Single(await As<SignOffService, IReadOnlyList<SignOff>>(cc, Sales, salesId, [], s => s.ListAsync(id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => As<SignOffService, IReadOnlyList<SignOff>>(cc, "ops@example.com", "id-ops", [Roles.Steward], s => s.ListAsync(id)));
    }

    private static async Task<T> As<TService, T>(ChangeControlScenario cc, string name, string userId, string[] roles, Func<TService, Task<T>> action)
        where TService : notnull
    {
        await using var scope = cc.Host.Scope(a => a.SetUser(userId, name, roles, AuditSources.Ui));
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
