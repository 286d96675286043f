using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Tests.Events;

/// <summary>Every subscriber gets every event of its kinds once, in order, whatever the others do.</summary>
public sealed class DispatcherTests
{
    [Fact]
    public async Task Each_subscriber_gets_every_event_once_in_order_and_a_new_dispatcher_carries_on_where_the_last_stopped()
    {
        await using var host = await CoreTestHost.StartAsync();
        var all = new RecordingSubscriber("all");
        var scans = new RecordingSubscriber("scans", new HashSet<string> { OperationsEventKinds.Of<ScanFinished>() });
        var first = host.Dispatcher(all, scans);
        await first.DispatchOnceAsync(default); // Both start from here: what came before is not their business.
        await host.RaiseAsync(new ScanFinished(1, "Completed"), new ExportFinished(Guid.NewGuid(), "Completed"), new ScanFinished(2, "Failed"));

        Assert.Equal(3 + 2, await first.DispatchOnceAsync(default));
        Assert.Equal(0, await first.DispatchOnceAsync(default));

        // The portal restarts: a new dispatcher over the same file, with new subscriber objects of the same names.
        await host.RaiseAsync(new ScanFinished(3, "Completed"), new ChainVerified(true, 42, null));
        var allAgain = new RecordingSubscriber("all");
        var scansAgain = new RecordingSubscriber("scans", new HashSet<string> { OperationsEventKinds.Of<ScanFinished>() });
        await host.Dispatcher(allAgain, scansAgain).DispatchOnceAsync(default);

        Assert.Equal(["ScanFinished", "ExportFinished", "ScanFinished"], all.Handled.Select(e => e.Event.Kind));
        Assert.Equal([1L, 2L], scans.Handled.Select(e => ((ScanFinished)e.Event).ScanId));
        Assert.Equal(["ScanFinished", "ChainVerified"], allAgain.Handled.Select(e => e.Event.Kind));
        Assert.Equal([3L], scansAgain.Handled.Select(e => ((ScanFinished)e.Event).ScanId));
        var sequences = all.Handled.Concat(allAgain.Handled).Select(e => e.Sequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Distinct().Count(), sequences.Count);
        Assert.Equal(new ChainVerified(true, 42, null), allAgain.Handled[1].Event);
    }

    [Fact]
    public async Task A_subscriber_that_throws_does_not_lose_the_event_for_the_others_and_gets_it_again_after_its_pause()
    {
        await using var host = await CoreTestHost.StartAsync();
        var broken = new RecordingSubscriber("broken", failures: 2);
        var healthy = new RecordingSubscriber("healthy");
        var dispatcher = host.Dispatcher(broken, healthy);
        await dispatcher.DispatchOnceAsync(default);
        await host.RaiseAsync(new RunFinished(5, Guid.NewGuid(), "Succeeded", false, 10, 10, 0, 0, 0, 0), new ScanFinished(6, "Completed"));

        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(2, healthy.Handled.Count);
        Assert.Empty(broken.Handled);
        var waiting = await ConsumerAsync(host, "broken");
        Assert.Equal(1, waiting.Attempts);
        Assert.Equal("InvalidOperationException: broken is down.", waiting.LastError);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddSeconds(2), waiting.RetryAfterUtc);

        // Within its pause it is left alone; after it, it fails again and waits twice as long.
        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(1, broken.Calls);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(2, broken.Calls);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddSeconds(4), (await ConsumerAsync(host, "broken")).RetryAfterUtc);

        host.Clock.Advance(TimeSpan.FromSeconds(4));
        await dispatcher.DispatchOnceAsync(default);
        Assert.Equal(healthy.Handled.Select(e => e.Sequence), broken.Handled.Select(e => e.Sequence));
        var recovered = await ConsumerAsync(host, "broken");
        Assert.Equal((0, null, null), (recovered.Attempts, recovered.LastError, recovered.RetryAfterUtc));
        Assert.Equal(2, healthy.Handled.Count);
    }

    [Fact]
    public async Task A_commit_in_this_process_wakes_the_running_dispatcher_without_waiting_for_its_poll()
    {
        await using var host = await CoreTestHost.StartAsync();
        var live = new RecordingSubscriber("live");
        var dispatcher = host.Dispatcher(new OperationsEventsOptions { PollInterval = TimeSpan.FromMinutes(5) }, live);
        await dispatcher.DispatchOnceAsync(default);
        await dispatcher.StartAsync(default);
        try
        {
            await Task.Delay(200); // The loop has made its first pass and sleeps for five minutes.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await host.RaiseAsync(new ExportFinished(Guid.NewGuid(), "Completed"));
            await live.WaitForAsync(e => e is ExportFinished, TimeSpan.FromSeconds(10));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
        }
        finally
        {
            await dispatcher.StopAsync(default);
        }
    }

    [Fact]
    public async Task The_watch_finds_work_only_when_a_subscriber_has_an_event_it_may_handle_now()
    {
        await using var host = await CoreTestHost.StartAsync();
        var broken = new RecordingSubscriber("broken", failures: 1);
        var healthy = new RecordingSubscriber("healthy");
        var dispatcher = host.Dispatcher(broken, healthy);
        string[] names = ["broken", "healthy"];
        Assert.True(await dispatcher.AnyDueAsync(names, default)); // No positions yet: a first pass is due.
        await dispatcher.DispatchOnceAsync(default);
        Assert.False(await dispatcher.AnyDueAsync(names, default));

        await host.RaiseAsync(new ScanFinished(1, "Completed"));
        Assert.True(await dispatcher.AnyDueAsync(names, default));
        await dispatcher.DispatchOnceAsync(default);

        // The healthy one is at the head; the broken one waits out its pause, and is due again after it.
        Assert.False(await dispatcher.AnyDueAsync(names, default));
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await dispatcher.AnyDueAsync(names, default));
        await dispatcher.DispatchOnceAsync(default);
        Assert.False(await dispatcher.AnyDueAsync(names, default));
        Assert.Single(broken.Handled);

        // A rebuild moving a position back makes it due without any new event.
        await using (var scope = host.Scope())
        {
            await OperationsEventPositions.ContinueAfterAsync(scope.ServiceProvider.GetRequiredService<CrmDbContext>(), "healthy", 0, host.Clock.GetUtcNow().UtcDateTime, default);
        }
        Assert.True(await dispatcher.AnyDueAsync(["healthy"], default));
        Assert.False(await dispatcher.AnyDueAsync(["broken"], default));
    }

    [Fact]
    public async Task An_event_committed_by_another_process_reaches_the_running_dispatcher_through_its_watch()
    {
        await using var host = await CoreTestHost.StartAsync();
        var live = new RecordingSubscriber("live");
        // A signal of its own: this host's commits do not wake it, as another process's never do.
        var dispatcher = new OperationsEventDispatcher(host.Singleton<DbContextOptions<CrmDbContext>>(), [live], new OperationsEventSignal(),
            Options.Create(new OperationsEventsOptions { PollInterval = TimeSpan.FromMilliseconds(100) }), host.Clock, NullLogger<OperationsEventDispatcher>.Instance);
        await dispatcher.DispatchOnceAsync(default);
        await dispatcher.StartAsync(default);
        try
        {
            await host.RaiseAsync(new ExportFinished(Guid.NewGuid(), "Completed"));
            await live.WaitForAsync(e => e is ExportFinished, TimeSpan.FromSeconds(10));
        }
        finally
        {
            await dispatcher.StopAsync(default);
        }
    }

    [Fact]
    public async Task Pruning_deletes_old_events_every_subscriber_handled_and_keeps_those_one_still_waits_for()
    {
        await using var host = await CoreTestHost.StartAsync();
        var fast = new RecordingSubscriber("fast");
        var stuck = new RecordingSubscriber("stuck", failures: 1_000);
        var dispatcher = host.Dispatcher(fast, stuck);
        await dispatcher.DispatchOnceAsync(default);
        await host.RaiseAsync(new ScanFinished(1, "Completed"));
        await dispatcher.DispatchOnceAsync(default);
        host.Clock.Advance(TimeSpan.FromDays(8));
        await dispatcher.DispatchOnceAsync(default);

        Assert.Equal(0, await dispatcher.PruneAsync(default));
        Assert.Single(await host.OutboxAsync());

        // The stuck subscriber is removed from the portal: once it has not been seen for the retention, it no longer
        // holds events back. A young event stays whoever handled it.
        var withoutStuck = host.Dispatcher(fast);
        host.Clock.Advance(TimeSpan.FromDays(8));
        await host.RaiseAsync(new ScanFinished(2, "Completed"));
        await withoutStuck.DispatchOnceAsync(default);
        Assert.Equal(1, await withoutStuck.PruneAsync(default));
        Assert.Equal(["{\"scanId\":2,\"status\":\"Completed\"}"], (await host.OutboxAsync()).Select(e => e.PayloadJson));
        Assert.Equal(2, fast.Handled.Count);
    }

    [Fact]
    public async Task An_event_this_version_cannot_read_is_skipped_instead_of_blocking_the_subscriber()
    {
        await using var host = await CoreTestHost.StartAsync();
        var subscriber = new RecordingSubscriber("reader");
        var dispatcher = host.Dispatcher(subscriber);
        await dispatcher.DispatchOnceAsync(default);
        await host.RaiseAsync(new ScanFinished(1, "Completed"));
        await host.ExecuteRawAsync("""
            INSERT INTO "OperationsEvents" ("Kind", "PayloadJson", "OccurredUtc", "Origin") VALUES ('IncidentOpened', '{}', '2026-03-02 09:30:00', 'a newer version');
            INSERT INTO "OperationsEvents" ("Kind", "PayloadJson", "OccurredUtc", "Origin") VALUES ('ScanFinished', 'not json', '2026-03-02 09:30:00', 'a damaged row');
            """);
        await host.RaiseAsync(new ScanFinished(2, "Completed"));

        await dispatcher.DispatchOnceAsync(default);

        Assert.Equal([1L, 2L], subscriber.Handled.Select(e => ((ScanFinished)e.Event).ScanId));
        Assert.Equal((await host.OutboxAsync()).Max(e => e.Sequence), (await ConsumerAsync(host, "reader")).Position);
    }

    private static async Task<OperationsEventConsumer> ConsumerAsync(CoreTestHost host, string name)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().OperationsEventConsumers.AsNoTracking().SingleAsync(c => c.Subscriber == name);
    }
}
