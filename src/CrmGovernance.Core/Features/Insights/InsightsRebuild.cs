using CrmGovernance.Core.Data.Dialects;
using System.Diagnostics;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Insights.Sources;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights;

/// <summary>What a rebuild recomputed and how long it took.</summary>
public sealed record RebuildResult(int Runs, int Units, long Buckets, TimeSpan Elapsed);

/// <summary>
/// Recomputes every roll-up from the ledger (runs and their record outcomes, the queues, scans, incidents), with the same
/// code the live subscriber uses: after an upgrade that adds a figure, or to check that the dashboard tells the truth.
/// Live roll-ups wait while it runs. It notes the outbox's newest event before reading the ledger, and the subscriber
/// continues after that event (<see cref="OperationsEventPositions"/>): a run that finishes during or after the reading
/// reaches the roll-ups through its event, even when the subscriber has not made its first pass yet.
/// </summary>
public sealed class InsightsRebuild(IDbContextFactory<CrmDbContext> contexts, RollupWriter writer, VersionSnapshots versions, ActorContext actor, TimeProvider clock)
{
    private const int Page = 500;

    /// <summary>The contribution key that says the roll-ups cover the ledger (written by a rebuild, or when roll-ups began before any run).</summary>
    public const string Marker = "rebuilt";

    public async Task<RebuildResult> RebuildAsync(IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.RebuildInsights);
        var watch = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        RebuildResult result;
        long covered;
        await writer.Gate.WaitAsync(cancellationToken);
        try
        {
            // No node's writer adds to the buckets while they are recomputed (ADR 0019).
            await using var held = await db.Database.Dialect().Locks.HoldAsync(db.Database, DatabaseLock.InsightsRollup, ct: cancellationToken);
            // Before reading the ledger: an event after this one may announce rows the reading does not see.
            covered = await OperationsEventPositions.HeadAsync(db, cancellationToken);
            await db.Set<MetricBucket>().ExecuteDeleteAsync(cancellationToken);
            await db.Set<MetricContribution>().ExecuteDeleteAsync(cancellationToken);
            var runs = await RunsAsync(db, progress, cancellationToken);
            var units = runs;
            units += await ApplyAsync(await QueueUnitsAsync(db, cancellationToken), cancellationToken);
            progress?.Report("Queues counted.");
            var scans = await db.DuplicateScans.AsNoTracking().Where(s => s.Status == ScanStatus.Completed).Select(s => s.Id).ToListAsync(cancellationToken);
            var incidents = await db.Set<Incident>().AsNoTracking().Select(i => i.Id).ToListAsync(cancellationToken);
            var other = new List<(string, IReadOnlyList<ContributionItem>)>();
            foreach (var id in scans)
            {
                other.Add((ScanContribution.KeyOf(id), await ScanContribution.ComputeAsync(db, id, cancellationToken)));
            }
            foreach (var id in incidents)
            {
                other.Add((IncidentContribution.KeyOf(id), await IncidentContribution.ComputeAsync(db, id, cancellationToken)));
            }
            units += await ApplyAsync(other, cancellationToken);
            db.Add(new MetricContribution { Key = Marker, UpdatedUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
            var buckets = await db.Set<MetricBucket>().LongCountAsync(cancellationToken);
            progress?.Report($"Scans and incidents counted; {buckets:N0} buckets.");
            result = new RebuildResult(runs, units, buckets, watch.Elapsed);
        }
        finally
        {
            writer.Gate.Release();
        }
        // Outside the gate: a pass of the subscriber waiting for it ends first.
        await OperationsEventPositions.ContinueAfterAsync(db, InsightsSubscriber.SubscriberName, covered, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return result;
    }

    /// <summary>The configuration now in force (for queue figures, whose items name a flow but not a version).</summary>
    internal static async Task<GovernanceConfiguration> CurrentConfigurationAsync(CrmDbContext db, VersionSnapshots versions, CancellationToken ct)
    {
        var latest = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(v => v.Number).Select(v => (int?)v.Number).FirstOrDefaultAsync(ct);
        return latest is { } number ? await versions.GetAsync(db, number, ct) : GovernanceConfiguration.Empty;
    }

    private async Task<int> RunsAsync(CrmDbContext db, IProgress<string>? progress, CancellationToken ct)
    {
        var done = 0;
        long after = 0;
        while (true)
        {
            // A page of runs and all their record outcomes in two queries (not two per run): the same figures as
            // RunContribution.ComputeAsync, which the live subscriber uses.
            var runs = await db.SyncRuns.AsNoTracking().Where(r => r.Id > after && !r.DryRun && r.Status != SyncRunStatus.Running)
                .OrderBy(r => r.Id).Take(Page).ToListAsync(ct);
            if (runs.Count == 0)
            {
                return done;
            }
            var (first, last) = (runs[0].Id, runs[^1].Id);
            var outcomes = (await db.RecordOutcomes.AsNoTracking().Where(o => o.RunId >= first && o.RunId <= last)
                .Select(o => new
                {
                    o.RunId,
                    Row = new OutcomeRow(o.Outcome, o.Outcome == OutcomeKind.Rejected ? o.Reason : null, o.Match, o.SourceCreatedUtc, o.AtUtc,
                        o.Outcome == OutcomeKind.Created || o.Outcome == OutcomeKind.Updated ? o.AfterJson : null),
                })
                .ToListAsync(ct)).ToLookup(o => o.RunId, o => o.Row);
            var units = new List<(string, IReadOnlyList<ContributionItem>)>();
            foreach (var run in runs)
            {
                var configuration = await versions.GetAsync(db, run.ConfigurationVersion, ct);
                units.Add((RunContribution.KeyOf(run.Id), RunContribution.Compute(run, configuration, [.. outcomes[run.Id]])));
            }
            await ApplyAsync(units, ct);
            db.ChangeTracker.Clear();
            (done, after) = (done + runs.Count, last);
            progress?.Report($"{done:N0} runs counted.");
        }
    }

    private async Task<List<(string, IReadOnlyList<ContributionItem>)>> QueueUnitsAsync(CrmDbContext db, CancellationToken ct)
    {
        var units = new List<(string, IReadOnlyList<ContributionItem>)>();
        var created = await db.ReviewItems.AsNoTracking().Select(r => new { r.SystemId, r.ObjectId, r.CreatedUtc }).ToListAsync(ct);
        foreach (var hour in created.Select(r => (r.SystemId, r.ObjectId, Hour: ContributionItem.HourOf(r.CreatedUtc))).Distinct())
        {
            units.Add((QueueContribution.ReviewKey(hour.SystemId, hour.ObjectId, hour.Hour), await QueueContribution.ReviewEnteredAsync(db, hour.SystemId, hour.ObjectId, hour.Hour, ct)));
        }
        var decided = await db.ReviewItems.AsNoTracking().Where(r => r.DecidedUtc != null && QueueContribution.Decisions.Contains(r.Status))
            .Select(r => new { r.SystemId, r.ObjectId, r.DecidedUtc }).ToListAsync(ct);
        foreach (var hour in decided.Select(r => (r.SystemId, r.ObjectId, Hour: ContributionItem.HourOf(r.DecidedUtc!.Value))).Distinct())
        {
            units.Add((QueueContribution.DecisionsKey(hour.SystemId, hour.ObjectId, hour.Hour), await QueueContribution.DecisionsAsync(db, hour.SystemId, hour.ObjectId, hour.Hour, ct)));
        }
        var configuration = await CurrentConfigurationAsync(db, versions, ct);
        var errors = await db.ErrorQueueItems.AsNoTracking().Where(e => e.FlowId != null).Select(e => new { e.FlowId, e.CreatedUtc }).ToListAsync(ct);
        foreach (var hour in errors.Select(e => (e.FlowId, Hour: ContributionItem.HourOf(e.CreatedUtc))).Distinct())
        {
            units.Add((QueueContribution.ErrorsKey(hour.FlowId, hour.Hour), await QueueContribution.ErrorsEnteredAsync(db, configuration, hour.FlowId, hour.Hour, ct)));
        }
        return units;
    }

    private async Task<int> ApplyAsync(List<(string Key, IReadOnlyList<ContributionItem> Items)> units, CancellationToken ct)
    {
        foreach (var chunk in units.Chunk(Page))
        {
            await writer.ApplyAsync(chunk, ct, gated: false);
        }
        return units.Count;
    }
}
