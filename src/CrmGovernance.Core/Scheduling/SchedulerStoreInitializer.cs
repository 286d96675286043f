using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// At start, before Quartz opens its store (the flow worker asks for the scheduler as soon as it starts): the engine's
/// dialect makes the store's place ready (SQLite: its own file, owner-only, in WAL; PostgreSQL: Quartz's schema, which
/// Quartz does not create itself). A startup step, so it runs in the first hosted service rather than while registering services.
/// </summary>
internal sealed class SchedulerStoreInitializer(SchedulerStore store) : IStartupStep
{
    public Task RunAsync(CancellationToken cancellationToken) =>
        PortalDialects.For(store.Provider).SchedulerStore.PrepareAsync(store.ConnectionString, store.Path, store.Schema, cancellationToken);
}
