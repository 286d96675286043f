using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Sync.Runs;

/// <summary>
/// A test database with runs, outcomes and error-queue rows written as the engine writes them, and the monitoring
/// services working on it as a user of a given role.
/// </summary>
internal sealed class MonitoringHost : IAsyncDisposable
{
    public const string Owner = "owner@example.com";

    private MonitoringHost(CoreTestHost host) => Host = host;

    public CoreTestHost Host { get; }

    public DateTime Now => Host.Clock.GetUtcNow().UtcDateTime;

    /// <param name="configuration">Published as version 1 (none: nothing published).</param>
    public static async Task<MonitoringHost> StartAsync(GovernanceConfiguration? configuration = null)
    {
        var host = new MonitoringHost(await CoreTestHost.StartAsync());
        if (configuration is not null)
        {
            await using var scope = host.Host.Scope(a => a.SetSystem("test-seed", null));
            await ActivatorUtilities.CreateInstance<ConfigurationSeeder>(scope.ServiceProvider).SeedIfEmptyAsync(configuration);
        }
        return host;
    }

    public static GovernanceConfiguration Demo() => DemoConfiguration.Build(Owner, Owner);

    public async Task<T> RunsAsync<T>(string role, Func<SyncRunQueries, Task<T>> query)
    {
        await using var scope = Host.ScopeAs(role.ToLowerInvariant() + "@example.com", role);
        return await query(ActivatorUtilities.CreateInstance<SyncRunQueries>(scope.ServiceProvider));
    }

    public async Task<T> QueueAsync<T>(string role, Func<ErrorQueueService, Task<T>> command, string? name = null)
    {
        await using var scope = Host.ScopeAs(name ?? role.ToLowerInvariant() + "@example.com", role);
        return await command(ActivatorUtilities.CreateInstance<ErrorQueueService>(scope.ServiceProvider));
    }

    /// <summary>Inserts a run and its outcomes; returns the run's id.</summary>
    public async Task<long> AddRunAsync(SyncRun run, params RecordOutcome[] outcomes)
    {
        await using var scope = Host.Scope(a => a.SetSystem("test-seed", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync();
        foreach (var outcome in outcomes)
        {
            outcome.RunId = run.Id;
        }
        db.RecordOutcomes.AddRange(outcomes);
        await db.SaveChangesAsync();
        return run.Id;
    }

    public async Task AddErrorsAsync(params ErrorQueueItem[] items)
    {
        await using var scope = Host.Scope(a => a.SetSystem("test-seed", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.ErrorQueueItems.AddRange(items);
        await db.SaveChangesAsync();
    }

    public async Task<ErrorQueueItem> ErrorAsync(long id)
    {
        await using var scope = Host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.ErrorQueueItems.FindAsync(id) ?? throw new InvalidOperationException($"No error-queue item {id}.");
    }

    public SyncRun Run(Guid flowId, SyncRunStatus status = SyncRunStatus.Succeeded, bool dryRun = false, int minutesAgo = 0) => new()
    {
        FlowId = flowId,
        FlowName = "Flow " + flowId.ToString()[..4],
        ConfigurationVersion = 1,
        DryRun = dryRun,
        Trigger = SyncTrigger.Manual,
        StartedBy = Owner,
        Status = status,
        StartedUtc = Now.AddMinutes(-minutesAgo),
        HeartbeatUtc = Now.AddMinutes(-minutesAgo),
        FinishedUtc = status == SyncRunStatus.Running ? null : Now.AddMinutes(-minutesAgo).AddSeconds(30),
    };

    public RecordOutcome Outcome(string sourceId, OutcomeKind kind, string? targetId = null) =>
        new() { SourceId = sourceId, TargetId = targetId, Outcome = kind, AtUtc = Now };

    public ErrorQueueItem Error(ErrorKind kind, Guid? flowId, string? sourceId, string reason, ErrorStatus status = ErrorStatus.Open) => new()
    {
        Kind = kind,
        Status = status,
        FlowId = flowId,
        SystemKey = "website",
        ObjectKey = "contact",
        SourceId = sourceId,
        Reason = reason,
        Payload = "{}",
        CreatedUtc = Now,
    };

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
