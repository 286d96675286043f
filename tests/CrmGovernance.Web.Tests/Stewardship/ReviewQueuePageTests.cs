using System.Text.RegularExpressions;
using Bunit;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Web.Features.Stewardship;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;

namespace CrmGovernance.Web.Tests.Stewardship;

public sealed class ReviewQueuePageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_steward_sees_the_waiting_pairs_with_the_queue_figures()
    {
        var seed = new ReviewSeed(fixture.Host);
        var (left, right) = await seed.ContactsAsync();
        var id = await seed.ItemAsync(left, right, score: 0.93);
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.Contains($"{left} ↔ {right}", page.Find($"[data-ids='{id}']").TextContent, StringComparison.Ordinal));
        Assert.Equal("0.930", page.Find($"[data-score='{id}']").TextContent.Trim());
        Assert.Contains("email exact", page.Find("#review-queue-grid").TextContent, StringComparison.Ordinal);
        // The figures load beside the grid, not before it.
        page.WaitForAssertion(() => Assert.NotEqual("0", page.Find("#metric-waiting").TextContent.Trim()));
        Assert.EndsWith($"review-queue/{id}", page.Find($"[data-open='{id}']").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_lists_each_pair_by_the_names_and_emails_of_its_records()
    {
        var seed = new ReviewSeed(fixture.Host);
        var (left, right) = await seed.ContactsAsync();
        var id = await seed.ItemAsync(left, right, score: 0.93);
        // A pair whose records the CRM no longer holds (merged or deleted there) is named from its score's explanation.
        var gone = await seed.ItemAsync("rq-gone-a", "rq-gone-b", score: 0.92);
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-left-name='{id}']")));
        var email = $"jo.{left[3..11]}@example.com";
        Assert.Equal($"Jo Bloggs · {email}", page.Find($"[data-left-name='{id}']").TextContent.Trim());
        Assert.Equal($"Joanna Bloggs · {email}", page.Find($"[data-right-name='{id}']").TextContent.Trim());
        Assert.Equal("jo · jo.bloggs@example.com", page.Find($"[data-left-name='{gone}']").TextContent.Trim());
        Assert.Equal("joanna · jo.bloggs@example.com", page.Find($"[data-right-name='{gone}']").TextContent.Trim());
    }

    [Fact]
    public async Task Filters_are_kept_in_the_query_string_and_carried_to_the_pair()
    {
        var seed = new ReviewSeed(fixture.Host);
        var low = await seed.ItemAsync("rq-low-a", "rq-low-b", score: 0.61);
        var high = await seed.ItemAsync("rq-high-a", "rq-high-b", score: 0.99);
        await using var pages = new OperationsPages(fixture.Host);
        pages.Navigation.NavigateTo("review-queue?min=0.95&sort=Oldest");

        var page = pages.Context.Render<ReviewQueuePage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-open='{high}']")));
        Assert.Empty(page.FindAll($"[data-open='{low}']"));
        Assert.EndsWith($"review-queue/{high}?min=0.95&sort=Oldest", page.Find($"[data-open='{high}']").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_duplicates_for_a_selection_asks_first_and_records_the_pairs_only_when_confirmed()
    {
        var seed = new ReviewSeed(fixture.Host);
        var id = await seed.ItemAsync("rq-bulk-a", "rq-bulk-b", score: 0.71);
        await using var pages = new OperationsPages(fixture.Host);
        var page = pages.Context.Render<ReviewQueuePage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll($"[data-open='{id}']")));
        page.Find($"[data-open='{id}']").Closest("tr")!.QuerySelector("input[type=checkbox]")!.Change(true);

        page.WaitForAssertion(() => Assert.False(page.Find("#bulk-not-duplicate").HasAttribute("disabled")));
        page.Find("#bulk-not-duplicate").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.StartsWith("The 1 selected pair(s) stay separate records; nothing is written",
            Regex.Replace(pages.Dialogs.Find("#not-duplicate-message").TextContent, @"\s+", " ").Trim(), StringComparison.Ordinal));
        pages.Dialogs.Find("#not-duplicate-cancel").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.Empty(pages.Dialogs.FindAll("#not-duplicate-message")));
        Assert.Equal(ReviewStatus.Open, (await seed.ReadAsync(id)).Status);

        page.Find("#bulk-not-duplicate").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.NotEmpty(pages.Dialogs.FindAll("#not-duplicate-confirm")));
        pages.Dialogs.Find("#not-duplicate-confirm").Click();

        await Eventually.EqualAsync(ReviewStatus.NotDuplicate, async () => (await seed.ReadAsync(id)).Status);
    }
}
