using System.Text.Json;
using System.Text.RegularExpressions;
using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Web.Features.Stewardship;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Stewardship;

public sealed class ReviewItemPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task The_pair_is_shown_side_by_side_from_the_crm_with_differences_highlighted_and_the_score_explained()
    {
        var seed = new ReviewSeed(fixture.Host);
        var (left, right) = await seed.ContactsAsync();
        var id = await seed.ItemAsync(left, right);
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ReviewItemPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#comparison")));
        Assert.Equal("true", page.Find("tr[data-field='first_name']").GetAttribute("data-differs"));
        Assert.Equal("false", page.Find("tr[data-field='email']").GetAttribute("data-differs"));
        Assert.Equal("Jo", page.Find("td[data-take='left'][data-field='first_name']").TextContent.Trim());
        Assert.Equal("Joanna", page.Find("td[data-take='right'][data-field='first_name']").TextContent.Trim());
        // The existing record survives; its empty phone takes the incoming one.
        Assert.Equal("+447700900123", page.Find("td[data-result='phone']").TextContent.Trim());
        Assert.Contains("-1.5", page.Find("#explanation tr[data-attribute='first_name']").TextContent.Replace('−', '-'), StringComparison.Ordinal);
        Assert.Contains("j", page.Find("#shortcuts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_held_change_shows_the_proposed_email_offers_no_merge_and_applying_it_writes_the_crm()
    {
        var seed = new ReviewSeed(fixture.Host);
        var (_, existing) = await seed.ContactsAsync();
        var good = (await seed.CrmRecordsAsync(existing))[existing].Fields["email"];
        var id = await seed.ItemAsync("web-held-1", existing, 0.999,
            proposedChangesJson: ReviewJson.ProposedChanges([new ProposedFieldChange("email", "Email", good, "jo.work@example.com")]));
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ReviewItemPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#held-change")));
        Assert.Equal((good, "jo.work@example.com"), (page.Find("tr[data-field='email'] td[data-value='existing']").TextContent.Trim(),
            page.Find("tr[data-field='email'] td[data-value='proposed']").TextContent.Trim()));
        Assert.Empty(page.FindAll("#merge, #not-duplicate, #comparison"));
        page.Find("#apply-held-change").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.Contains(pages.Dialogs.FindAll("button"), b => b.TextContent.Trim() == "Apply"));
        pages.Dialogs.FindAll("button").First(b => b.TextContent.Trim() == "Apply").Click();

        await Eventually.EqualAsync(ReviewStatus.ChangeApplied, async () => (await seed.ReadAsync(id)).Status);
        Assert.Equal("jo.work@example.com", (await seed.CrmRecordsAsync(existing))[existing].Fields["email"]);
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#held-change-decided")));
    }

    [Fact]
    public async Task Keys_take_a_value_for_the_focused_field_and_merge_and_the_crm_is_written()
    {
        var seed = new ReviewSeed(fixture.Host);
        var (left, right) = await seed.ContactsAsync();
        var id = await seed.ItemAsync(left, right);
        await using var pages = new OperationsPages(fixture.Host);
        var page = pages.Context.Render<ReviewItemPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#comparison")));

        page.Find("tr[data-field='first_name']").TriggerEvent("onfocusin", new FocusEventArgs());
        page.Find("#review-item").KeyDown(new KeyboardEventArgs { Key = "1" });
        page.WaitForAssertion(() => Assert.Equal("Jo", page.Find("td[data-result='first_name']").TextContent.Trim()));
        page.Find("#review-item").KeyDown(new KeyboardEventArgs { Key = "m" });
        pages.Dialogs.WaitForAssertion(() => Assert.NotEmpty(pages.Dialogs.FindAll("#merge-confirm")));
        Assert.Contains("Jo", pages.Dialogs.Find("#merge-changes tr[data-change='First name']").TextContent, StringComparison.Ordinal);
        pages.Dialogs.Find("#merge-confirm").Click();

        await Eventually.EqualAsync(ReviewStatus.Merged, async () => (await seed.ReadAsync(id)).Status);
        var crm = await seed.CrmRecordsAsync(left, right);
        Assert.Equal([right], crm.Keys);
        Assert.Equal(("Jo", "+447700900123"), (crm[right].Fields["first_name"], crm[right].Fields["phone"]));
        page.WaitForAssertion(() => Assert.Equal("Jo", page.Find("[data-merge] td[data-now='first_name']").TextContent.Trim()));
    }

    [Fact]
    public async Task When_the_records_cannot_be_read_the_page_says_why_and_not_a_duplicate_still_works()
    {
        var seed = new ReviewSeed(fixture.Host);
        // The website is a webhook system: the portal cannot read its records, let alone merge them.
        var id = await seed.ItemAsync("web-1", "web-2", system: DemoConfiguration.Website);
        await using var pages = new OperationsPages(fixture.Host);
        var page = pages.Context.Render<ReviewItemPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.Contains("source only", page.Find("#target-problem").TextContent, StringComparison.Ordinal));
        Assert.True(page.Find("#merge").HasAttribute("disabled"));
        Assert.False(page.Find("#defer").HasAttribute("disabled"));
        await page.InvokeAsync(() => page.Find("#not-duplicate").Click());
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#not-duplicate-confirm")));
        pages.Dialogs.Find("#not-duplicate-confirm").Click();

        await Eventually.EqualAsync(ReviewStatus.NotDuplicate, async () => (await seed.ReadAsync(id)).Status);
    }

    [Fact]
    public async Task Not_a_duplicate_says_what_it_does_cancel_leaves_the_pair_waiting_and_confirm_records_the_reason()
    {
        var seed = new ReviewSeed(fixture.Host);
        var (left, right) = await seed.ContactsAsync();
        var id = await seed.ItemAsync(left, right);
        await using var pages = new OperationsPages(fixture.Host);
        var page = pages.Context.Render<ReviewItemPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#comparison")));

        await page.InvokeAsync(() => page.Find("#not-duplicate").Click());
        pages.Dialogs.WaitForAssertion(() => Assert.Equal(
            $"{left} and {right} stay two separate records in CRM; nothing is written there. The pair leaves the queue and is never suggested again, by the sync worker or by a duplicate scan.",
            Regex.Replace(pages.Dialogs.Find("#not-duplicate-message").TextContent, @"\s+", " ").Trim()));
        pages.Dialogs.Find("#not-duplicate-cancel").Click();
        pages.Dialogs.WaitForAssertion(() => Assert.Empty(pages.Dialogs.FindAll("#not-duplicate-message")));
        Assert.Equal(ReviewStatus.Open, (await seed.ReadAsync(id)).Status);
        Assert.Empty(await NotDuplicateAuditAsync(id));

        page.Find("#review-item").KeyDown(new KeyboardEventArgs { Key = "n" });
        pages.Dialogs.WaitForAssertion(() => Assert.NotNull(pages.Dialogs.Find("#not-duplicate-reason")));
        pages.Dialogs.Find("#not-duplicate-reason").Change("Twins at one address");
        pages.Dialogs.Find("#not-duplicate-confirm").Click();

        await Eventually.EqualAsync(ReviewStatus.NotDuplicate, async () => (await seed.ReadAsync(id)).Status);
        // The audit row is written just after the decision commits.
        await Eventually.EqualAsync(1, async () => (await NotDuplicateAuditAsync(id)).Count);
        var audit = Assert.Single(await NotDuplicateAuditAsync(id));
        Assert.Equal("Twins at one address", JsonDocument.Parse(audit.Changes).RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_pair_takes_the_keyboard_without_scrolling_past_its_navigation()
    {
        var seed = new ReviewSeed(fixture.Host);
        var (left, right) = await seed.ContactsAsync();
        var id = await seed.ItemAsync(left, right);
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ReviewItemPage>(p => p.Add(x => x.Id, id));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#comparison")));
        await Eventually.EqualAsync(true, () => pages.Context.JSInterop.Invocations["Blazor._internal.domWrapper.focus"].Count > 0);
        // A plain focus() scrolls the focused root into view: its top, the back and next buttons, went under the app bar.
        Assert.All(pages.Context.JSInterop.Invocations["Blazor._internal.domWrapper.focus"], call => Assert.Equal(true, call.Arguments[1]));
    }

    private async Task<List<AuditEntry>> NotDuplicateAuditAsync(long id)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<CrmDbContext>().AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditActions.ReviewNotDuplicate).ToListAsync())
            .Where(a => a.Changes.Contains($"\"id\":{id},", StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task A_pair_that_does_not_exist_says_so()
    {
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<ReviewItemPage>(p => p.Add(x => x.Id, 987_654));

        page.WaitForAssertion(() => Assert.Contains("There is no pair #987654", page.Find("#review-item-missing").TextContent, StringComparison.Ordinal));
    }
}
