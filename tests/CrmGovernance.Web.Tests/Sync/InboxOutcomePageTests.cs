using Bunit;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using CrmGovernance.Web.Features.Sync;

namespace CrmGovernance.Web.Tests.Sync;

[Collection(QuietPortalPages.Name)]
public sealed class InboxOutcomePageTests(QuietPortalFixture fixture)
{
    [Fact]
    public async Task An_inbound_record_no_run_has_handled_says_so_instead_of_showing_an_outcome()
    {
        long id;
        await using (var scope = fixture.Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            var item = new InboxItem { SystemKey = "website", ObjectKey = "contact", PayloadJson = """{"email":"ann@example.com"}""", ReceivedUtc = DateTime.UtcNow };
            db.InboxItems.Add(item);
            await db.SaveChangesAsync();
            id = item.Id;
        }
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<InboxOutcomePage>(p => p.Add(x => x.InboxId, id));

        page.WaitForAssertion(() => Assert.Contains("not processed yet", page.Find("#inbox-pending").TextContent, StringComparison.Ordinal));
        Assert.Contains("no active flow reads it", page.Find("#inbox-pending").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("#inbox-outcome"));
    }

    [Fact]
    public async Task An_unknown_inbound_record_is_named_as_missing()
    {
        await using var pages = new OperationsPages(fixture.Host);

        var page = pages.Context.Render<InboxOutcomePage>(p => p.Add(x => x.InboxId, 987_654_321));

        page.WaitForAssertion(() => Assert.Contains("There is no inbound record 987654321", page.Find("#inbox-missing").TextContent, StringComparison.Ordinal));
    }
}
