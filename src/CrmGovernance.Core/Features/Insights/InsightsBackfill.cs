using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Insights;

/// <summary>
/// After an upgrade, the roll-ups know nothing of the runs before it (the subscriber only sees events from its first
/// start): once, in the background, the portal rebuilds them from the ledger. A database whose roll-ups were rebuilt, or
/// that had no runs when the roll-ups began, is marked (<see cref="InsightsRebuild.Marker"/>) and left alone. Either way
/// the subscriber continues after the outbox's newest event before the ledger was read, so nothing finishing meanwhile is lost.
/// </summary>
public sealed partial class InsightsBackfill(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InsightsBackfill> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        await StartupRetry.UntilDoneAsync(BackfillAsync, logger, "Computing the insights roll-ups from the ledger", stoppingToken);
    }

    private async Task BackfillAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(ct);
        if (await db.Set<MetricContribution>().AnyAsync(c => c.Key == InsightsRebuild.Marker, ct))
        {
            return;
        }
        var covered = await OperationsEventPositions.HeadAsync(db, ct);
        if (!await db.SyncRuns.AnyAsync(r => !r.DryRun && r.Status != SyncRunStatus.Running, ct))
        {
            db.Add(new MetricContribution { Key = InsightsRebuild.Marker, UpdatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
            await OperationsEventPositions.ContinueAfterAsync(db, InsightsSubscriber.SubscriberName, covered, clock.GetUtcNow().UtcDateTime, ct);
            return;
        }
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("insights backfill", null);
        var result = await scope.ServiceProvider.GetRequiredService<InsightsRebuild>().RebuildAsync(null, ct);
        LogRebuilt(logger, result.Runs, result.Buckets, result.Elapsed.TotalSeconds);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Insights roll-ups computed from the ledger: {Runs} runs, {Buckets} buckets in {Seconds:0.0} s")]
    private static partial void LogRebuilt(ILogger logger, int runs, long buckets, double seconds);
}
