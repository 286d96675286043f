using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Notifications;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CrmGovernance.Core.Tests.Features.Notifications;

/// <summary>A real run whose rule says "notify the owner": the flow's owner receives one email for the run and rule.</summary>
public sealed class NotifyOwnerRuleTests
{
    [Fact]
    public async Task A_notify_the_owner_rule_ends_in_one_email_to_the_flow_owner_for_the_run()
    {
        var notify = SyncScenario.Rule("New contacts are announced", RuleTriggerKind.Created, new RuleAction { Kind = RuleActionKind.NotifyOwner });
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(notify));
        await f.PersonAsync("a", "a@example.com");
        await f.PersonAsync("b", "b@example.com");

        var run = await f.RunAsync();

        var outcomes = await f.Host.QueryAsync(db => db.RecordOutcomes.Where(o => o.RunId == run.Id).Select(o => o.Reason).ToListAsync());
        Assert.All(outcomes, r => Assert.Contains($"Owner {SyncScenario.Owner} will be notified.", r, StringComparison.Ordinal));
        var events = await f.Host.QueryAsync(db => db.OperationsEvents.AsNoTracking().Where(e => e.Kind == nameof(OwnerNotificationRequested)).ToListAsync());
        var row = Assert.Single(events);
        var envelope = OperationsEventKinds.Read(row)!;
        var requested = Assert.IsType<OwnerNotificationRequested>(envelope.Event);
        Assert.Equal((SyncScenario.Owner, "New contacts are announced", 2, (long?)run.Id), (requested.Owner, requested.RuleName, requested.Records, requested.RunId));

        var subscriber = f.Host.Services.GetRequiredService<NotificationSubscriber>();
        await subscriber.HandleAsync(envelope, CancellationToken.None);
        await subscriber.HandleAsync(envelope, CancellationToken.None);
        await f.Host.Services.GetRequiredService<NotificationSender>().DrainAsync(CancellationToken.None);

        var pickup = f.Host.Services.GetRequiredService<NotificationPaths>().PickupFolder;
        var email = MimeMessage.Load(Assert.Single(Directory.GetFiles(pickup, "*.eml")));
        Assert.Equal(SyncScenario.Owner, email.To.Mailboxes.Single().Address);
        Assert.Contains("2 records", email.Subject, StringComparison.Ordinal);
        Assert.Contains($"/runs/{run.Id}", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_asks_nobody_to_be_notified()
    {
        var notify = SyncScenario.Rule("New contacts are announced", RuleTriggerKind.Created, new RuleAction { Kind = RuleActionKind.NotifyOwner });
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(notify));
        await f.PersonAsync("a", "a@example.com");

        var run = await f.RunAsync(dryRun: true);

        var reason = await f.Host.QueryAsync(db => db.RecordOutcomes.Where(o => o.RunId == run.Id).Select(o => o.Reason).SingleAsync());
        Assert.Contains("would be notified", reason, StringComparison.Ordinal);
        Assert.Equal(0, await f.Host.QueryAsync(db => db.OperationsEvents.CountAsync(e => e.Kind == nameof(OwnerNotificationRequested))));
    }
}
