using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Web.Features.Sync;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>An error-queue item's detail offers replay and discard to whoever may work that item, and to no one else.</summary>
[Collection(QuietPortalPages.Name)]
public sealed class ErrorItemActionsTests(QuietPortalFixture fixture)
{
    [Fact]
    public async Task A_manager_sees_an_items_detail_without_replay_or_discard()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Manager);
        var id = await pages.AddErrorAsync(Rejected());

        OpenDetail(pages, id);

        Assert.Empty(pages.Dialogs.FindAll("#item-replay"));
        Assert.Empty(pages.Dialogs.FindAll("#item-discard"));
    }

    [Fact]
    public async Task A_steward_not_accountable_for_the_flow_sees_replay_and_discard_disabled_and_why()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Steward, "someone.else@example.com");
        var id = await pages.AddErrorAsync(Rejected());

        OpenDetail(pages, id);

        Assert.True(pages.Dialogs.Find("#item-replay").HasAttribute("disabled"));
        Assert.True(pages.Dialogs.Find("#item-discard").HasAttribute("disabled"));
        Assert.Contains("accountable for the flow", pages.Dialogs.Find("#item-actions-note").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_discards_an_item_from_its_detail_with_a_reason()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin, "admin.discards@example.com");
        var id = await pages.AddErrorAsync(Rejected());
        OpenDetail(pages, id);
        Assert.False(pages.Dialogs.Find("#item-discard").HasAttribute("disabled"));

        await pages.Dialogs.Find("#item-discard").ClickAsync(new());
        pages.Dialogs.WaitForElement("#discard-reason").Change("Test submission from the agency");
        await pages.Dialogs.Find("#discard-confirm").ClickAsync(new());

        pages.Snackbars.WaitForAssertion(() => Assert.Contains("Discarded 1 item(s).", pages.Snackbars.Markup, StringComparison.Ordinal));
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        var item = await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ErrorQueueItems.AsNoTracking().SingleAsync(e => e.Id == id);
        Assert.Equal((ErrorStatus.Discarded, "admin.discards@example.com"), (item.Status, item.ResolvedBy));
        Assert.NotNull(item.ResolvedUtc);
    }

    [Fact]
    public async Task An_unreadable_payload_of_no_flow_can_be_discarded_but_not_replayed()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.Admin);
        var id = await pages.AddErrorAsync(new ErrorQueueItem
        {
            Kind = ErrorKind.Inbound, SystemKey = "website", ObjectKey = "contact", Reason = "The body is not JSON.", Payload = "name=Zoë",
            ContentType = "text/plain", CreatedUtc = DateTime.UtcNow,
        });

        OpenDetail(pages, id);

        Assert.True(pages.Dialogs.Find("#item-replay").HasAttribute("disabled"));
        Assert.False(pages.Dialogs.Find("#item-discard").HasAttribute("disabled"));
        Assert.Contains("cannot be replayed", pages.Dialogs.Find("#item-actions-note").TextContent, StringComparison.Ordinal);
    }

    internal static void OpenDetail(OperationsPages pages, long id)
    {
        var page = pages.Context.Render<ErrorQueuePage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-details='{id}']")));
        page.Find($"[data-details='{id}']").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#item-reason")));
    }

    internal static ErrorQueueItem Rejected(Guid? flowId = null, string sourceId = "P-1", string payload = """{"email":"ann@example"}""") => new()
    {
        Kind = ErrorKind.Rejected, FlowId = flowId ?? Guid.NewGuid(), SystemKey = "website", ObjectKey = "contact", SourceId = sourceId,
        Reason = "email: 'ann@example' is not an email address.", Payload = payload, ContentType = "application/json",
        CreatedUtc = DateTime.UtcNow, LastAttemptUtc = DateTime.UtcNow,
    };
}
