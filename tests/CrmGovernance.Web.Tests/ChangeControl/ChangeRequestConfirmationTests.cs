using System.Text.RegularExpressions;
using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Features.ChangeControl;
using CrmGovernance.Web.Tests.Configuration;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.ChangeControl;

/// <summary>Approve and publish, and withdraw, ask first and say what will happen; cancel changes nothing.</summary>
public sealed class ChangeRequestConfirmationTests(StandardPortalFixture fixture) : IClassFixture<StandardPortalFixture>
{
    [Fact]
    public async Task Approve_says_which_version_it_publishes_cancel_keeps_it_waiting_and_confirm_publishes_it()
    {
        var (id, label) = await SubmittedAsync("Approve me", "Customers and prospects we talk to.");
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var published = pages.Context.Services.GetRequiredService<PublishedConfiguration>();
        var before = (await published.CurrentAsync()).Version;
        var page = Render(pages, id, "#approve-cr");

        page.Find("#approve-cr").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.Equal(
            $"Approving {label} publishes it as version {before + 1}; the worker runs it from its next run (runs already going finish on version {before}). " +
            $"Undo means a new change request that restores version {before}.",
            pages.Dialogs.Find("#cr-confirm-message").TextContent.Trim()));
        pages.Dialogs.Find("#cr-confirm-cancel").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.Empty(pages.Dialogs.FindAll("#cr-confirm")));
        Assert.Equal(ChangeRequestStatus.Submitted, (await RequestAsync(pages, id)).Status);
        Assert.Equal(before, (await published.CurrentAsync()).Version);

        page.Find("#approve-cr").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#cr-confirm")));
        pages.Dialogs.Find("#cr-confirm").Click();

        await Eventually.EqualAsync(ChangeRequestStatus.Approved, async () => (await RequestAsync(pages, id)).Status);
        var now = await published.CurrentAsync();
        Assert.Equal(before + 1, now.Version);
        Assert.Equal("Customers and prospects we talk to.", now.Configuration.FindObject(StandardObjects.Contact)!.Description);
    }

    [Fact]
    public async Task Withdraw_says_it_is_final_cancel_keeps_the_draft_and_confirm_withdraws_it()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner);
        var requests = pages.Context.Services.GetRequiredService<ChangeRequestService>();
        var id = await DraftAsync(requests, "Withdraw me", "Not needed after all.");
        var label = (await requests.GetAsync(id))!.Label;
        var page = Render(pages, id, "#withdraw-cr");

        page.Find("#withdraw-cr").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.Equal(
            $"Withdrawing {label} closes it for good: it cannot be edited, submitted or reopened afterwards. " +
            "Its change is never published and the current version stays as it is; to make it later, start a new change request.",
            pages.Dialogs.Find("#cr-confirm-message").TextContent.Trim()));
        pages.Dialogs.Find("#cr-confirm-cancel").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.Empty(pages.Dialogs.FindAll("#cr-confirm")));
        Assert.Equal(ChangeRequestStatus.Draft, (await requests.GetAsync(id))!.Status);

        page.Find("#withdraw-cr").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#cr-confirm")));
        pages.Dialogs.Find("#cr-confirm").Click();

        await Eventually.EqualAsync(ChangeRequestStatus.Withdrawn, async () => (await requests.GetAsync(id))!.Status);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#withdraw-cr")));
    }

    [Fact]
    public async Task A_published_rollback_says_what_it_restores_and_what_it_published_as_two_sentences()
    {
        var (id, _) = await SubmittedAsync("Roll back", "The first wording.", restores: 1);
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var review = pages.Context.Services.GetRequiredService<ChangeRequestReview>();
        Assert.True((await review.ApproveAsync(id, null)).Succeeded);
        var version = (await RequestAsync(pages, id)).PublishedVersion;

        var page = Render(pages, id, "#cr-published");

        var sentence = Regex.Replace(page.Find("#cr-restores").ParentElement!.TextContent, @"\s+", " ");
        Assert.Contains($"Restores version 1. Published as version {version}.", sentence, StringComparison.Ordinal);
    }

    private static IRenderedComponent<ChangeRequestPage> Render(OperationsPages pages, Guid id, string ready)
    {
        var page = pages.Context.Render<ChangeRequestPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find(ready)));
        return page;
    }

    private static async Task<ChangeRequest> RequestAsync(OperationsPages pages, Guid id) =>
        (await pages.Context.Services.GetRequiredService<ChangeRequestService>().GetAsync(id))!;

    /// <summary>A business owner's request that rewords the contact object, submitted for review.</summary>
    private async Task<(Guid Id, string Label)> SubmittedAsync(string title, string description, int? restores = null)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("id-owner", "owner@example.com", [Roles.BusinessOwner], AuditSources.Ui);
        var requests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();
        var id = await DraftAsync(requests, title, description, restores);
        var submitted = await requests.SubmitAsync(id);
        Assert.True(submitted.Succeeded, string.Join(" ", submitted.Errors));
        return (id, (await requests.GetAsync(id))!.Label);
    }

    private static async Task<Guid> DraftAsync(ChangeRequestService requests, string title, string description, int? restores = null)
    {
        var id = await requests.CreateDraftAsync(title, "Test", restores);
        var contact = (await requests.DraftConfigurationAsync(id)).FindObject(StandardObjects.Contact)!;
        var saved = await requests.SaveEditAsync(id, contact, contact with { Description = description });
        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors));
        return id;
    }
}
