using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Web.Features.Sync;

namespace CrmGovernance.Web.Tests.Sync;

[Collection(QuietPortalPages.Name)]
public sealed class RunPageTests(QuietPortalFixture fixture)
{
    [Fact]
    public async Task A_run_shows_its_counts_and_what_happened_to_each_record()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var run = OperationsPages.Run(SyncRunStatus.CompletedWithErrors);
        (run.Read, run.Created, run.Updated, run.Rejected, run.DuplicatesPrevented) = (1_236, 1_234, 1, 1, 17);
        run.RejectionReasonsJson = """{"email is missing":1}""";
        var id = await pages.AddRunAsync(run,
            new RecordOutcome { SourceId = "web-1", TargetId = "crm-1", Outcome = OutcomeKind.Created, AfterJson = """{"email":"a@x.com"}""" },
            new RecordOutcome { SourceId = "web-2", TargetId = "crm-2", Outcome = OutcomeKind.Updated, BeforeJson = """{"email":"b@x.com","phone":"1"}""", AfterJson = """{"email":"b@x.com","phone":"2"}""" },
            new RecordOutcome { SourceId = "web-3", Outcome = OutcomeKind.Rejected, Reason = "email is missing" });

        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-outcome]").Count));
        Assert.Contains($"Run #{id}", page.Find("#run-heading").TextContent, StringComparison.Ordinal);
        Assert.Contains("1,234", page.Find("[data-outcome-chip=Created]").TextContent, StringComparison.Ordinal);
        Assert.Contains("17", page.Find("#run-duplicates").TextContent, StringComparison.Ordinal);
        Assert.Contains("email is missing", page.Find("#rejection-reasons").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Created", "Updated", "Rejected"], page.FindAll("[data-outcome]").Select(e => e.GetAttribute("data-outcome")));
        Assert.Empty(page.FindAll("#dry-run-note"));
    }

    [Fact]
    public async Task A_run_says_which_node_ran_it_when_that_was_recorded()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var run = OperationsPages.Run();
        run.Node = "worker-7";
        var named = await pages.AddRunAsync(run);
        var unnamed = await pages.AddRunAsync(OperationsPages.Run());

        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, named));
        var older = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, unnamed));

        page.WaitForAssertion(() => Assert.Equal("Ran on node worker-7", page.Find("#run-node").TextContent.Trim()));
        older.WaitForAssertion(() => Assert.NotEmpty(older.FindAll("#run-facts")));
        Assert.Empty(older.FindAll("#run-node"));
    }

    [Fact]
    public async Task Expanding_a_record_shows_before_and_after_with_the_changed_field_marked()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var id = await pages.AddRunAsync(OperationsPages.Run(),
            new RecordOutcome { SourceId = "web-2", Outcome = OutcomeKind.Updated, BeforeJson = """{"email":"b@x.com","phone":"1"}""", AfterJson = """{"email":"b@x.com","phone":"2"}""" });
        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-outcome]")));

        await page.InvokeAsync(() => page.Find("#outcomes-grid tbody tr button").Click());

        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-field=phone]").GetAttribute("data-changed")));
        Assert.Equal("false", page.Find("[data-field=email]").GetAttribute("data-changed"));
    }

    [Fact]
    public async Task Outcome_filter_is_read_from_the_query_string()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var id = await pages.AddRunAsync(OperationsPages.Run(),
            new RecordOutcome { SourceId = "web-1", Outcome = OutcomeKind.Created },
            new RecordOutcome { SourceId = "web-3", Outcome = OutcomeKind.Rejected, Reason = "email is missing" });
        pages.Navigation.NavigateTo($"runs/{id}?outcome=Rejected");

        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Equal(["Rejected"], page.FindAll("[data-outcome]").Select(e => e.GetAttribute("data-outcome"))));
    }

    [Fact]
    public async Task A_dry_run_says_that_nothing_was_written_and_links_its_change_request_for_a_business_owner()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner);
        var run = OperationsPages.Run(dryRun: true);
        run.ChangeRequestId = Guid.NewGuid();
        var id = await pages.AddRunAsync(run);

        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("nothing was written", page.Find("#dry-run-note").TextContent, StringComparison.Ordinal));
        Assert.Contains($"change-requests/{run.ChangeRequestId}", page.Find("#dry-run-note a").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_running_run_is_followed_live_until_it_finishes()
    {
        await using var pages = new OperationsPages(fixture.Host);
        var run = OperationsPages.Run(SyncRunStatus.Running);
        (run.Read, run.Created) = (10, 2);
        var id = await pages.AddRunAsync(run);
        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#run-progress")));

        await pages.UpdateRunAsync(id, r => (r.Created, r.Status, r.FinishedUtc) = (10, SyncRunStatus.Succeeded, DateTime.UtcNow));

        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("#run-progress"));
            Assert.Equal("Succeeded", page.Find("[data-run-status]").GetAttribute("data-run-status"));
            Assert.Contains("10", page.Find("[data-outcome-chip=Created]").TextContent, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_unknown_run_says_so()
    {
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<RunPage>(p => p.Add(x => x.Id, 987_654_321L));

        page.WaitForAssertion(() => Assert.Contains("There is no run #987654321", page.Markup, StringComparison.Ordinal));
    }
}
