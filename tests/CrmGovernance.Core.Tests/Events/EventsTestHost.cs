using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Tests.Events;

/// <summary>Dispatchers over a <see cref="CoreTestHost"/>'s database file, built as the portal builds its own.</summary>
internal static class EventsTestHost
{
    public static OperationsEventDispatcher Dispatcher(this CoreTestHost host, OperationsEventsOptions? options, params IOperationsEventSubscriber[] subscribers) =>
        new(host.Singleton<DbContextOptions<CrmDbContext>>(), subscribers, host.Singleton<OperationsEventSignal>(),
            Options.Create(options ?? new OperationsEventsOptions()), host.Clock, NullLogger<OperationsEventDispatcher>.Instance);

    public static OperationsEventDispatcher Dispatcher(this CoreTestHost host, params IOperationsEventSubscriber[] subscribers) =>
        host.Dispatcher(null, subscribers);

    /// <summary>Raises <paramref name="events"/>, each in a save of its own, as features do with their changes.</summary>
    public static async Task RaiseAsync(this CoreTestHost host, params OperationsEvent[] events)
    {
        foreach (var e in events)
        {
            await using var scope = host.Scope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
            db.Raise(e, host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }
    }

    public static async Task<List<OutboxEvent>> OutboxAsync(this CoreTestHost host)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.OperationsEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }
}
