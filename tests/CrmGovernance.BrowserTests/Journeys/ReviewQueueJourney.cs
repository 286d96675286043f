using CrmGovernance.BrowserTests.Hosting;
using CrmGovernance.BrowserTests.Pages;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.BrowserTests.Journeys;

[Collection(BrowserJourneys.Name)]
public sealed class ReviewQueueJourney(BrowserPortal portal)
{
    [Fact]
    public async Task A_steward_merges_a_pair_taking_a_field_from_each_side_sees_the_crm_updated_and_undoes_it()
    {
        var (incoming, existing) = await SeedContactsAsync();
        var before = await CrmAsync(incoming, existing);
        var id = await SeedPairAsync(incoming, existing);

        var steward = DemoAccounts.All.Single(a => a.Role == Roles.Steward);
        var page = await portal.NewPageAsync();
        await new SignInPage(page).SignInAsync(steward.Email, steward.Password);
        var queue = new ReviewQueuePage(page);
        await queue.OpenAsync(showing: id);
        await queue.OpenPairAsync(id);

        // The existing record survives; it takes the incoming first name and keeps its own last name.
        await queue.TakeAsync("left", "first_name", "Jo");
        await queue.TakeAsync("right", "last_name", "Bloggs-Smith");
        await queue.MergeAsync();

        Assert.Equal("Jo", (await queue.NowAsync("first_name")).Trim());
        var merged = await CrmAsync(incoming, existing);
        Assert.Equal([existing], merged.Keys);
        Assert.Equal(("Jo", "Bloggs-Smith", "+447700900123"),
            (merged[existing].Fields["first_name"], merged[existing].Fields["last_name"], merged[existing].Fields["phone"]));

        await queue.UndoAsync();

        Assert.Equal("Unmerged", (await queue.StatusAsync()).Trim());
        var restored = await CrmAsync(incoming, existing);
        Assert.Equal(before.Keys.Order(), restored.Keys.Order());
        foreach (var (recordId, record) in before)
        {
            Assert.Equal(record.Fields.OrderBy(f => f.Key), restored[recordId].Fields.OrderBy(f => f.Key));
        }
        await page.Context.CloseAsync();
    }

    private async Task<(string Incoming, string Existing)> SeedContactsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (incoming, existing) = ($"journey-{tag}-new", $"journey-{tag}-old");
        await using var crm = await OpenCrmAsync();
        var written = await crm.WriteBatchAsync("contact",
        [
            new RecordWrite(existing, new Dictionary<string, string?> { ["email"] = $"jo.{tag}@example.com", ["first_name"] = "Joanna", ["last_name"] = "Bloggs-Smith" }, IsNew: true),
            new RecordWrite(incoming, new Dictionary<string, string?> { ["email"] = $"jo.{tag}@example.com", ["first_name"] = "Jo", ["last_name"] = "Bloggs", ["phone"] = "+447700900123" }, IsNew: true),
        ], CancellationToken.None);
        Assert.All(written, w => Assert.True(w.Succeeded, w.Error));
        return (incoming, existing);
    }

    /// <summary>The pair as the worker would have filed it after matching the incoming contact against the CRM.</summary>
    private async Task<long> SeedPairAsync(string incoming, string existing)
    {
        using var scope = portal.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var item = new ReviewItem
        {
            SystemId = DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, FlowId = DemoConfiguration.WebFormFlow,
            LeftRecordId = incoming, RightRecordId = existing, Score = 0.999, CreatedUtc = DateTime.UtcNow.AddDays(-400),
            ExplanationJson = ReviewJson.Explanations([new("email", "Email", "jo@example.com", "jo@example.com", 1, "exact", 9.2)]),
        };
        db.ReviewItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    private async Task<Dictionary<string, ConnectorRecord>> CrmAsync(params string[] ids)
    {
        await using var crm = await OpenCrmAsync();
        return (await crm.LookupAsync("contact", null, ids, CancellationToken.None)).ToDictionary(r => r.Id);
    }

    private async Task<ISyncConnector> OpenCrmAsync()
    {
        var configuration = (await portal.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration;
        return portal.Services.GetRequiredService<IConnectorFactory>().Open(configuration.FindSystem(DemoConfiguration.Crm)!);
    }
}
