using Bunit;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Web.Features.Sync;

namespace CrmGovernance.Web.Tests.Sync;

/// <summary>Not beside <see cref="ErrorQueuePageTests"/>, which needs a queue nothing was added to.</summary>
[Collection(QuietPortalPages.Name)]
public sealed class ErrorQueueItemTests(QuietPortalFixture fixture)
{
    [Fact]
    public async Task An_unreadable_payload_is_shown_as_text_never_as_markup()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var id = await pages.AddErrorAsync(new ErrorQueueItem
        {
            Kind = ErrorKind.Inbound, SystemKey = "website", ObjectKey = "contact", Reason = "The body is not JSON.",
            Payload = "<img src=x onerror=alert(1)>name=Zoë", ContentType = "text/html", CreatedUtc = DateTime.UtcNow,
        });
        var page = pages.Context.Render<ErrorQueuePage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"[data-details='{id}']")));
        Assert.Equal("website · contact", page.Find("#error-queue-grid tbody tr td:nth-child(4)").TextContent.Trim());

        // Found and clicked on the renderer's thread: the grid may render again in between (its figures load beside it).
        await page.InvokeAsync(() => page.Find($"[data-details='{id}']").Click());

        pages.Dialogs.WaitForAssertion(() => Assert.Equal("<img src=x onerror=alert(1)>name=Zoë", pages.Dialogs.Find("#item-payload").TextContent));
        Assert.Empty(pages.Dialogs.FindAll("#item-payload img"));
        Assert.Equal("The body is not JSON.", pages.Dialogs.Find("#item-reason").TextContent);
    }
}
