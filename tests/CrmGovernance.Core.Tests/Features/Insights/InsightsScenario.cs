using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Insights;

/// <summary>
/// The demo configuration published as version 1 (contacts and orders owned by <see cref="ChangeControlScenario.Owner"/>,
/// opportunities by <see cref="ChangeControlScenario.OtherOwner"/>). Runs are seeded with their record outcomes as the
/// engine records them, and their events handed to the insights subscriber as the dispatcher would.
/// </summary>
internal sealed class InsightsScenario : IAsyncDisposable
{
    public const string Manager = "manager@example.com";
    private long _sequence;

    private InsightsScenario(ChangeControlScenario inner) => Inner = inner;

    public ChangeControlScenario Inner { get; }
    public CoreTestHost Host => Inner.Host;
    public static Guid WebForm => DemoConfiguration.WebFormFlow;
    public static Guid Orders => DemoConfiguration.OrdersFlow;
    public static Guid Opportunities => DemoConfiguration.OpportunitiesFlow;
    public DateTime Now => Host.Clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    public static async Task<InsightsScenario> StartAsync()
    {
        var demo = DemoConfiguration.Build(ChangeControlScenario.Owner, ChangeControlScenario.Steward);
        var configuration = demo with
        {
            Objects = [.. demo.Objects.Select(o => o.Id == StandardObjects.Opportunity ? o with { Owner = ChangeControlScenario.OtherOwner } : o)],
        };
        return new InsightsScenario(await ChangeControlScenario.StartAsync(configuration));
    }

    /// <summary>A finished run and its record outcomes, as the engine records them; returns its event.</summary>
    public async Task<RunFinished> RunAsync(Guid flow, DateTime startedUtc, IReadOnlyList<RecordOutcome> outcomes, SyncRunStatus status = SyncRunStatus.Succeeded,
        SyncTrigger trigger = SyncTrigger.Manual, DateTime? dueUtc = null, int version = 1)
    {
        var run = new SyncRun
        {
            FlowId = flow, FlowName = FlowName(flow), ConfigurationVersion = version, Status = status, Trigger = trigger, StartedUtc = startedUtc, DueUtc = dueUtc,
            FinishedUtc = startedUtc.AddSeconds(30), HeartbeatUtc = startedUtc, Read = outcomes.Count,
        };
        await WriteAsync(db => db.SyncRuns.Add(run));
        foreach (var o in outcomes)
        {
            o.RunId = run.Id;
            o.AtUtc = o.AtUtc == default ? startedUtc.AddSeconds(10) : o.AtUtc;
        }
        await WriteAsync(db => db.RecordOutcomes.AddRange(outcomes));
        return new RunFinished(run.Id, flow, status.ToString(), false, outcomes.Count, 0, 0, 0, 0, 0);
    }

    public static RecordOutcome Outcome(OutcomeKind kind, string? reason = null, string? match = null, DateTime? sourceCreated = null, string? after = null,
        DateTime at = default) =>
        new() { SourceId = "s" + Guid.NewGuid().ToString("N")[..8], TargetId = "t1", Outcome = kind, Reason = reason, Match = match, SourceCreatedUtc = sourceCreated, AfterJson = after, AtUtc = at };

    public async Task DeliverAsync(OperationsEvent e, DateTime? occurredUtc = null) =>
        await Host.Singleton<InsightsSubscriber>().HandleAsync(new OperationsEventEnvelope(++_sequence, occurredUtc ?? Now, "test", e), CancellationToken.None);

    public async Task WriteAsync(Action<CrmDbContext> change)
    {
        await using var scope = Host.Scope(a => a.SetSystem("test-seed", null));
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        change(db);
        await db.SaveChangesAsync();
    }

    public async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = Host.Scope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public async Task<T> AsAsync<TService, T>(string name, string[] roles, Func<TService, Task<T>> action) where TService : notnull
    {
        await using var scope = Host.Scope(a => a.SetUser("id-" + name, name, roles, AuditSources.Ui));
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<DashboardData> DashboardAsync(InsightsFilter filter, string name = Manager, params string[] roles) =>
        AsAsync<InsightsDashboard, DashboardData>(name, roles.Length == 0 ? [Roles.Manager] : roles, d => d.LoadAsync(filter));

    /// <summary>Every bucket, in a stable order, for comparing two ways of computing them.</summary>
    public Task<List<string>> BucketsAsync() => QueryAsync(async db => (await db.Set<MetricBucket>().AsNoTracking().ToListAsync())
        .Where(b => Math.Abs(b.Value) > 1e-9)
        .Select(b => $"{b.Size} {b.PeriodStartUtc:O} {b.Metric} {b.FlowId} {b.ObjectId} {b.SystemId} {b.TargetSystemId} {b.Dimension} = {b.Value:R}")
        .Order(StringComparer.Ordinal).ToList());

    private static string FlowName(Guid flow) => flow == WebForm ? "Web form to CRM contacts" : flow == Orders ? "Shop orders to CRM" : "CRM opportunities to marketing";

    public ValueTask DisposeAsync() => Inner.DisposeAsync();
}
