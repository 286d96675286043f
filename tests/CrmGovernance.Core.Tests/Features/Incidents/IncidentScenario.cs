using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Incidents;

/// <summary>
/// The demo configuration published as version 1, trimmed for the triggers: the orders flow runs hourly, the
/// opportunities flow is paused, every object has an escalation contact; the owner and the admin have accounts.
/// Runs are seeded as the engine records them and their events handed to a trigger as the dispatcher would.
/// </summary>
internal sealed class IncidentScenario : IAsyncDisposable
{
    public const string Contact = "escalation@example.com";
    private long _sequence;

    private IncidentScenario(ChangeControlScenario inner) => Inner = inner;

    public ChangeControlScenario Inner { get; }
    public CoreTestHost Host => Inner.Host;
    public static Guid Orders => DemoConfiguration.OrdersFlow;
    public static Guid WebForm => DemoConfiguration.WebFormFlow;

    public static async Task<IncidentScenario> StartAsync()
    {
        var demo = DemoConfiguration.Build(ChangeControlScenario.Owner, ChangeControlScenario.Steward);
        var configuration = demo with
        {
            Flows = [.. demo.Flows.Select(f => f.Id == DemoConfiguration.OpportunitiesFlow ? f with { Status = FlowStatus.Paused }
                : f.Id == Orders ? f with { Cron = "0 0 * * * ?" } : f)],
            Objects = [.. demo.Objects.Select(o => o with { EscalationContact = Contact })],
        };
        var scenario = new IncidentScenario(await ChangeControlScenario.StartAsync(configuration));
        await scenario.Host.CreateUserAsync(ChangeControlScenario.Owner, Roles.BusinessOwner);
        await scenario.Host.CreateUserAsync(ChangeControlScenario.Admin, Roles.Admin);
        return scenario;
    }

    public T Service<T>() where T : notnull => Host.Singleton<T>();

    /// <summary>A finished run as the engine records it (started now unless said), and its event.</summary>
    public async Task<RunFinished> RunAsync(Guid flow, SyncRunStatus status, int read = 0, int rejected = 0, int failed = 0, string? message = null, DateTime? startedUtc = null)
    {
        var started = startedUtc ?? Host.Clock.GetUtcNow().UtcDateTime;
        var run = new SyncRun
        {
            FlowId = flow, FlowName = "flow", ConfigurationVersion = 1, Status = status, StartedUtc = started, FinishedUtc = started, HeartbeatUtc = started,
            Read = read, Created = read - rejected - failed, Rejected = rejected, Failed = failed, Message = message,
        };
        await WriteAsync(db => db.SyncRuns.Add(run));
        return new RunFinished(run.Id, flow, status.ToString(), false, read, run.Created, 0, 0, rejected, failed);
    }

    public async Task WriteAsync(Action<CrmDbContext> change)
    {
        await using var scope = Host.Scope(a => a.SetSystem("test-seed", null));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        change(db);
        await db.SaveChangesAsync();
    }

    /// <summary>Hands the event to the subscriber as the dispatcher does.</summary>
    public Task HandleAsync<TTrigger>(OperationsEvent e, long? sequence = null) where TTrigger : IOperationsEventSubscriber =>
        Service<TTrigger>().HandleAsync(new OperationsEventEnvelope(sequence ?? ++_sequence, Host.Clock.GetUtcNow().UtcDateTime, "test", e), CancellationToken.None);

    public Task<List<Incident>> IncidentsAsync() => QueryAsync(db => db.Set<Incident>().AsNoTracking().OrderBy(i => i.Id).ToListAsync());

    public Task<List<IncidentEntry>> TimelineAsync(long id) =>
        QueryAsync(db => db.Set<IncidentEntry>().AsNoTracking().Where(e => e.IncidentId == id).OrderBy(e => e.Id).ToListAsync());

    /// <summary>The IncidentChanged events raised, in order.</summary>
    public Task<List<string>> ChangesAsync() =>
        QueryAsync(db => db.OperationsEvents.Where(e => e.Kind == nameof(IncidentChanged)).OrderBy(e => e.Sequence).Select(e => e.PayloadJson).ToListAsync());

    public async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = Host.Scope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
