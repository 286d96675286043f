using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Stewardship;

/// <summary>
/// Review items written straight into a real portal's database, and contacts written to (and read from) the demo CRM
/// through its own connector, as the worker would have left them.
/// </summary>
internal sealed class ReviewSeed(PortalHost host)
{
    public async Task<long> ItemAsync(string left, string right, double score = 0.84, Guid? system = null, string? proposedChangesJson = null)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var item = new ReviewItem
        {
            SystemId = system ?? DemoConfiguration.Crm, ObjectId = StandardObjects.Contact, FlowId = DemoConfiguration.WebFormFlow,
            LeftRecordId = left, RightRecordId = right, Score = score, CreatedUtc = DateTime.UtcNow.AddHours(-3),
            ExplanationJson = ReviewJson.Explanations(
            [
                new("email", "Email", "jo.bloggs@example.com", "jo.bloggs@example.com", 1, "exact", 9.2),
                new("first_name", "PersonName", "jo", "joanna", 0.81, "mismatch", -1.5),
            ]),
            ProposedChangesJson = proposedChangesJson,
        };
        db.ReviewItems.Add(item);
        await db.SaveChangesAsync();
        return item.Id;
    }

    /// <summary>Two CRM contacts that look alike: same email, first name written two ways, a phone on one only. Returns their ids.</summary>
    public async Task<(string Left, string Right)> ContactsAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (left, right) = ($"rq-{tag}-new", $"rq-{tag}-old");
        await using var crm = await CrmAsync();
        var results = await crm.WriteBatchAsync("contact",
        [
            new RecordWrite(right, new Dictionary<string, string?> { ["email"] = $"jo.{tag}@example.com", ["first_name"] = "Joanna", ["last_name"] = "Bloggs" }, IsNew: true),
            new RecordWrite(left, new Dictionary<string, string?> { ["email"] = $"jo.{tag}@example.com", ["first_name"] = "Jo", ["last_name"] = "Bloggs", ["phone"] = "+447700900123" }, IsNew: true),
        ], CancellationToken.None);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        return (left, right);
    }

    public async Task<Dictionary<string, ConnectorRecord>> CrmRecordsAsync(params string[] ids)
    {
        await using var crm = await CrmAsync();
        return (await crm.LookupAsync("contact", null, ids, CancellationToken.None)).ToDictionary(r => r.Id);
    }

    public async Task<ReviewItem> ReadAsync(long id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().ReviewItems.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private async Task<ISyncConnector> CrmAsync()
    {
        var configuration = (await host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration;
        return host.Services.GetRequiredService<IConnectorFactory>().Open(configuration.FindSystem(DemoConfiguration.Crm)!);
    }
}
