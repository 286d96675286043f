using Bunit;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Features.Sync;

namespace CrmGovernance.Web.Tests.Sync;

[Collection(QuietPortalPages.Name)]
public sealed class RecordSearchPageTests(QuietPortalFixture fixture)
{
    [Fact]
    public async Task The_runs_page_finds_a_source_id_in_every_run_that_handled_it()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var sourceId = "web-" + Guid.NewGuid().ToString("N")[..8];
        var first = await pages.AddRunAsync(OperationsPages.Run(SyncRunStatus.CompletedWithErrors),
            new RecordOutcome { SourceId = sourceId, Outcome = OutcomeKind.Rejected, Reason = "email is missing" });
        var second = await pages.AddRunAsync(OperationsPages.Run(), new RecordOutcome { SourceId = sourceId, TargetId = "crm-1", Outcome = OutcomeKind.Created },
            new RecordOutcome { SourceId = sourceId + "-other", Outcome = OutcomeKind.Created });
        pages.Navigation.NavigateTo($"runs?record={sourceId}");

        var page = pages.Context.Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-hit-run]").Count));
        Assert.Equal([second.ToString(System.Globalization.CultureInfo.InvariantCulture), first.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            page.FindAll("[data-hit-run]").Select(a => a.GetAttribute("data-hit-run")));
        Assert.Equal(["Created", "Rejected"], page.FindAll("[data-hit-outcome]").Select(c => c.GetAttribute("data-hit-outcome")));
        Assert.Equal($"runs/{second}?q={sourceId}", page.Find($"[data-hit-run='{second}']").GetAttribute("href"));
    }

    [Fact]
    public async Task The_runs_page_finds_a_record_by_the_inbox_id_it_arrived_as_and_typing_keeps_the_search_in_the_address()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var inboxId = Random.Shared.NextInt64(1_000_000, 9_000_000);
        var run = await pages.AddRunAsync(OperationsPages.Run(),
            new RecordOutcome { SourceId = "ann@example.com", InboxId = inboxId, TargetId = "crm-7", Outcome = OutcomeKind.Appended });
        var page = pages.Context.Render<RunsPage>();

        page.Find("#record-q").Input(inboxId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        page.WaitForAssertion(() => Assert.Equal(run.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(page.FindAll("[data-hit-run]")).GetAttribute("data-hit-run")));
        Assert.Contains($"inbox {inboxId}", page.Find("#record-hits").TextContent, StringComparison.Ordinal);
        Assert.Contains($"record={inboxId}", pages.Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_search_that_finds_nothing_says_what_was_searched()
    {
        await using var pages = new OperationsPages(fixture.Host);
        pages.Navigation.NavigateTo("runs?record=no-such-record");

        var page = pages.Context.Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Contains("no-such-record", page.Find("#record-hits-empty").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_run_without_records_never_says_the_source_had_nothing_new()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var failed = OperationsPages.Run(SyncRunStatus.SystemUnavailable);
        failed.Message = "The CRM at crm.db cannot be used now: unable to open database file.";
        var failedId = await pages.AddRunAsync(failed);
        var quietId = await pages.AddRunAsync(OperationsPages.Run());

        var failedPage = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, failedId));
        var quietPage = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, quietId));

        // Both read from one look: the records reload after the first render, and the empty state is redrawn meanwhile.
        failedPage.WaitForAssertion(() =>
        {
            var empty = failedPage.Find("#outcomes-empty").TextContent;
            Assert.Contains("system unavailable", empty, StringComparison.Ordinal);
            Assert.DoesNotContain("nothing new", empty, StringComparison.Ordinal);
        });
        quietPage.WaitForAssertion(() => Assert.Contains("the source had nothing new", quietPage.Find("#outcomes-empty").TextContent, StringComparison.Ordinal));
    }
}
