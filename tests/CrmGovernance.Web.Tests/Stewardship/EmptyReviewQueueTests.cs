using Bunit;
using CrmGovernance.Web.Features.Stewardship;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Stewardship;

/// <summary>A portal of its own without the demo: nothing has filed a pair yet.</summary>
public sealed class EmptyReviewQueueTests(QuietPortalFixture fixture) : IClassFixture<QuietPortalFixture>
{
    [Fact]
    public async Task An_empty_queue_says_what_fills_it_and_what_to_do_first()
    {
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.Contains("the sync worker finds an incoming record", page.Find("#review-queue-empty").TextContent, StringComparison.Ordinal));
        Assert.Contains("run a duplicate scan", page.Find("#review-queue-empty").TextContent, StringComparison.Ordinal);
        // The figures load beside the grid, not before it.
        page.WaitForAssertion(() => Assert.Equal("None yet", page.Find("#metric-stewards p:last-child").TextContent.Trim()));
    }
}
