using CrmGovernance.Core.Features.Sync.Runs;
using System.Diagnostics;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Baselines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>What the demo history wrote and how long it took.</summary>
public sealed record DemoHistoryResult(int Runs, int Outcomes, TimeSpan Written, RebuildResult Rollups);

/// <summary>
/// At the demo's first start, instead of publishing the demo configuration as version 1: publishes the configuration
/// before go-live (version 1) and the demo configuration at go-live (version 2, through an approved change request), and
/// writes ten weeks of generated history under them (<see cref="DemoHistoryLedger"/>), with the object baseline
/// "Four weeks before go-live" for contacts. Then the roll-ups are rebuilt, so the insights dashboard shows the history;
/// from then on the live demo adds to it through the operations events. Only when nothing is published yet: a restart,
/// or a portal that already has a configuration, gets nothing.
/// </summary>
public sealed partial class DemoHistory(
    IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, InsightsRebuild rebuild, TimeProvider clock, ILogger<DemoHistory> logger)
{
    /// <summary>Who started every run of the history (<c>SyncRun.StartedBy</c>).</summary>
    public const string StartedBy = DemoHistoryMarks.StartedBy;

    /// <summary>The title of the go-live change request, which published version 2.</summary>
    public const string GoLiveTitle = "Go-live: web enquiries in real time and matched to existing contacts; refunds reach the CRM";

    /// <returns>What was written; null when a configuration was already published (the history exists or was never wanted).</returns>
    public async Task<DemoHistoryResult?> SeedIfEmptyAsync(GovernanceConfiguration live, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var timeline = DemoHistoryTimeline.At(clock.GetUtcNow().UtcDateTime);
        ConfigurationVersion current;
        DemoHistoryLedger ledger;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await db.ConfigurationVersions.AnyAsync(cancellationToken))
            {
                return null;
            }
            current = await DemoHistoryVersions.AddAsync(db, live, timeline, cancellationToken);
            ledger = DemoHistoryLedger.Build(live, timeline);
            await SaveAsync(db, ledger, timeline, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        published.Publish(current);
        var written = watch.Elapsed;
        var rollups = await rebuild.RebuildAsync(null, cancellationToken);
        var result = new DemoHistoryResult(ledger.Runs.Count, ledger.Runs.Sum(r => r.Outcomes.Count), written, rollups);
        LogWritten(logger, result.Runs, result.Outcomes, timeline.GoLiveUtc, written.TotalSeconds, rollups.Elapsed.TotalSeconds);
        return result;
    }

    /// <summary>Two batches: the runs, scans and incidents first (their ids are the others' keys), then what refers to them.</summary>
    private static async Task SaveAsync(CrmDbContext db, DemoHistoryLedger ledger, DemoHistoryTimeline timeline, CancellationToken ct)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.SyncRuns.AddRange(ledger.Runs.Select(r => r.Run));
        db.DuplicateScans.AddRange(ledger.DuplicateScans.Select(s => s.Scan));
        db.Set<Incident>().AddRange(ledger.Incidents.Select(i => i.Incident));
        db.Set<InsightsBaseline>().Add(new InsightsBaseline
        {
            ObjectId = StandardObjects.Contact, Name = DemoHistoryTimeline.BaselineName, From = timeline.BaselineFrom, To = timeline.BaselineTo,
            SetBy = DemoAccounts.All.First(a => a.Role == Access.Roles.BusinessOwner).Email, SetUtc = timeline.GoLiveUtc,
        });
        await db.SaveChangesAsync(ct);
        foreach (var run in ledger.Runs)
        {
            run.Outcomes.ForEach(o => o.RunId = run.Run.Id);
            run.Errors.ForEach(e => e.RunId = run.Run.Id);
            run.Reviews.ForEach(r => r.RunId = run.Run.Id);
            db.RecordOutcomes.AddRange(run.Outcomes);
            db.ErrorQueueItems.AddRange(run.Errors);
            db.ReviewItems.AddRange(run.Reviews);
        }
        foreach (var scan in ledger.DuplicateScans)
        {
            scan.Reviews.ForEach(r => r.ScanId = scan.Scan.Id);
            db.ReviewItems.AddRange(scan.Reviews);
        }
        foreach (var incident in ledger.Incidents)
        {
            incident.Entries.ForEach(e => e.IncidentId = incident.Incident.Id);
            db.Set<IncidentEntry>().AddRange(incident.Entries);
        }
        await db.SaveChangesAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo history written: {Runs} runs and {Outcomes} record outcomes over ten weeks, go-live {GoLive:u}, in {Seconds:0.00} s; roll-ups rebuilt in {RebuildSeconds:0.00} s")]
    private static partial void LogWritten(ILogger logger, int runs, int outcomes, DateTime goLive, double seconds, double rebuildSeconds);
}
