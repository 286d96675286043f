using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using CrmGovernance.Core.Tests.Features.Stewardship.Review;
using Microsoft.Extensions.DependencyInjection;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Events;

/// <summary>The features raise their events where the change happens, and only when it does.</summary>
public sealed class EventsRaisedWithTheirChangeTests
{
    [Fact]
    public async Task Publishing_a_change_request_raises_ConfigurationPublished_and_a_refused_approval_raises_nothing()
    {
        await using var scenario = await StartAsync();
        var id = await DraftOutcomeChangeAsync(scenario, "Orders reach the CRM within 15 minutes.");
        var before = (await scenario.Host.OutboxAsync()).Count;

        Assert.False((await scenario.As(OtherOwner, [Roles.BusinessOwner], r => r.ApproveAsync(id, null))).Succeeded);
        Assert.Equal(before, (await scenario.Host.OutboxAsync()).Count);

        Require(await scenario.As(Admin, [Roles.Admin], r => r.ApproveAsync(id, "Fine")));

        var published = Assert.Single((await scenario.Host.OutboxAsync()).Skip(before));
        Assert.Equal(OperationsEventKinds.Of<ConfigurationPublished>(), published.Kind);
        Assert.Equal($$"""{"version":{{(await scenario.CurrentAsync()).Version}},"changeRequestId":"{{id}}"}""", published.PayloadJson);
    }

    [Fact]
    public async Task Filing_review_pairs_raises_RecordsQueuedForReview_per_system_and_filing_nothing_new_raises_nothing()
    {
        await using var host = await ReviewQueueHost.StartAsync();
        await host.AsAsync<ReviewQueueWriter, int>(w => w.AddAsync(
            [ReviewQueueHost.Candidate("a", "b"), ReviewQueueHost.Candidate("c", "d"), ReviewQueueHost.Candidate("a", "b", ReviewQueueHost.Shop)], CancellationToken.None));
        await host.AsAsync<ReviewQueueWriter, int>(w => w.AddAsync([ReviewQueueHost.Candidate("b", "a")], CancellationToken.None));

        var subscriber = new RecordingSubscriber("review-events");
        var dispatcher = host.Host.Dispatcher(subscriber);
        await using (var scope = host.Host.Scope())
        {
            // A subscriber starts at the head: position it before the events, as a portal running all along would be.
            var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
            db.OperationsEventConsumers.Add(new OperationsEventConsumer { Subscriber = subscriber.Name, UpdatedUtc = host.Now });
            await db.SaveChangesAsync();
        }
        await dispatcher.DispatchOnceAsync(default);

        Assert.Equal(
            [new RecordsQueuedForReview(ReviewQueueHost.Crm, ReviewQueueHost.Contact, 2, null, null), new RecordsQueuedForReview(ReviewQueueHost.Shop, ReviewQueueHost.Contact, 1, null, null)],
            subscriber.Handled.Select(e => e.Event));
    }

    private static async Task<Guid> DraftOutcomeChangeAsync(ChangeControlScenario scenario, string outcome)
    {
        var current = (await scenario.CurrentAsync()).Configuration;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Sharper outcome", "Owners asked for a measurable outcome"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(id, current.FindFlow(DemoConfiguration.OrdersFlow)! with { Outcome = outcome })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        return id;
    }
}
