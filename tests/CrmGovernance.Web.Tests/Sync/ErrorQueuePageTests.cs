using Bunit;
using CrmGovernance.Web.Features.Sync;

namespace CrmGovernance.Web.Tests.Sync;

public sealed class ErrorQueuePageTests(QuietPortalFixture fixture) : IClassFixture<QuietPortalFixture>
{
    [Fact]
    public async Task An_empty_queue_says_what_appears_there()
    {
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ErrorQueuePage>();

        page.WaitForAssertion(() => Assert.Equal(
            "Nothing is waiting: rejected and failed records, and unreadable inbound payloads, appear here.",
            page.Find("#error-queue-empty").TextContent.Trim()));
    }
}
