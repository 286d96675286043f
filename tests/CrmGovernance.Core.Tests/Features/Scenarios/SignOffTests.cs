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
    public async Task A_sign_off_is_for_the_content_the_reviewer_read_and_a_reviewer_cannot_also_approve()
    {
        await using var cc = await ChangeControlScenario.StartAsync();
        var salesId = await cc.Host.CreateUserAsync(Sales);
        var adminId = await cc.Host.CreateUserAsync("approver@example.com", Roles.Admin);
        var flow = (await cc.CurrentAsync()).Configuration.FindFlow(DemoConfiguration.WebFormFlow)!;
        var id = await cc.AsOwner(s => s.CreateDraftAsync("Outcome wording", "Clearer"));
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(id, flow with { Outcome = "First wording" })));
        var owner = "id-" + ChangeControlScenario.Owner;
        ChangeControlScenario.Require(await As<SignOffService, OperationResult>(cc, ChangeControlScenario.Owner, owner, [Roles.BusinessOwner], s => s.RequestAsync(id, Sales)));
        ChangeControlScenario.Require(await As<SignOffService, OperationResult>(cc, ChangeControlScenario.Owner, owner, [Roles.BusinessOwner],
            s => s.RequestAsync(id, "approver@example.com")));
        Assert.Contains((await As<SignOffService, OperationResult>(cc, "approver@example.com", adminId, [Roles.Admin],
            s => s.RequestAsync(id, "approver@example.com"))).Errors, e => e.Contains("other than yourself", StringComparison.Ordinal));

        var subject = (await As<SignOffService, SignOffSubject?>(cc, Sales, salesId, [], s => s.SubjectAsync(id)))!;
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SaveItemAsync(id, flow with { Outcome = "Second wording" })));
        var stale = await As<SignOffService, OperationResult>(cc, Sales, salesId, [], s => s.DecideAsync(subject.Mine!.Id, SignOffDecision.SignedOff, null, subject.Fingerprint));
        Assert.Contains(stale.Errors, e => e.Contains("was edited after you opened it", StringComparison.Ordinal));

        foreach (var (name, userId) in new[] { (Sales, salesId), ("approver@example.com", adminId) })
        {
            var mine = (await As<SignOffService, SignOffSubject?>(cc, name, userId, [], s => s.SubjectAsync(id)))!;
            ChangeControlScenario.Require(await As<SignOffService, OperationResult>(cc, name, userId, [],
                s => s.DecideAsync(mine.Mine!.Id, SignOffDecision.SignedOff, null, mine.Fingerprint)));
        }
        ChangeControlScenario.Require(await cc.AsOwner(s => s.SubmitAsync(id)));
        var self = await As<ChangeRequestReview, OperationResult>(cc, "approver@example.com", adminId, [Roles.Admin], r => r.ApproveAsync(id, null));
        Assert.Contains(self.Errors, e => e.Contains("someone else must approve it", StringComparison.Ordinal));
        ChangeControlScenario.Require(await cc.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, null)));
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
