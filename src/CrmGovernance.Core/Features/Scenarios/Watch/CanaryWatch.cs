using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Triggers;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Scenarios.Watch;

/// <summary>
/// The canary after a publish: each of the first <see cref="CanaryRuns"/> runs of a flow its change request touched is
/// compared, with those before it, against the flow's recent runs on earlier versions (<see cref="CanaryComparison"/>);
/// a clear drift opens an incident linked to the change request, for the flow's owner.
/// </summary>
public sealed class CanaryWatch(IServiceScopeFactory scopes, IncidentRecorder recorder) : IncidentTrigger<RunFinished>
{
    public const int CanaryRuns = 3;
    public const int BaselineRuns = 20;

    public override string Name => "scenarios.canary";

    protected override async Task HandleAsync(RunFinished e, long sequence, CancellationToken cancellationToken)
    {
        if (e.DryRun || e.Read == 0 || e.Status is not (nameof(SyncRunStatus.Succeeded) or nameof(SyncRunStatus.CompletedWithErrors)))
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var run = await db.SyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == e.RunId, cancellationToken);
        if (run is null || run.Trigger == SyncTrigger.Replay || await ChangeAsync(db, run, cancellationToken) is not { } change)
        {
            return;
        }
        var canary = await Counted(db, run.FlowId).Where(r => r.ConfigurationVersion == run.ConfigurationVersion).OrderBy(r => r.Id).Take(CanaryRuns)
            .ToListAsync(cancellationToken);
        if (!canary.Any(r => r.Id == run.Id))
        {
            return;
        }
        var baseline = await Counted(db, run.FlowId).Where(r => r.ConfigurationVersion < run.ConfigurationVersion).OrderByDescending(r => r.Id).Take(BaselineRuns)
            .ToListAsync(cancellationToken);
        var findings = baseline.Count < CanaryRuns ? [] : CanaryComparison.Findings(baseline, canary);
        if (findings.Count == 0)
        {
            return;
        }
        var (version, request) = change;
        var link = new ChangeLink(version, request.Id, $"Its first runs after version {version} ({request.Label} by {request.AuthorName}) drift from the runs before.");
        await recorder.RecordAsync(new IncidentSignal(IncidentCause.CanaryDrift, $"{run.FlowName} behaves differently since {request.Label}",
            $"After {canary.Count} run(s) on version {version}: {string.Join(" ", findings)} Compared with its last {baseline.Count} runs before the change.")
        {
            FlowId = run.FlowId, RunId = run.Id, EventSequence = sequence, CausedBy = link,
        }, cancellationToken: cancellationToken);
    }

    /// <summary>The change request that published the run's version, when it touched the run's flow.</summary>
    private static async Task<(int Version, ChangeRequest Request)?> ChangeAsync(CrmDbContext db, SyncRun run, CancellationToken cancellationToken)
    {
        var versions = await db.ConfigurationVersions.AsNoTracking()
            .Where(v => v.Number == run.ConfigurationVersion || v.Number == run.ConfigurationVersion - 1).ToListAsync(cancellationToken);
        var after = versions.Find(v => v.Number == run.ConfigurationVersion);
        var before = versions.Find(v => v.Number == run.ConfigurationVersion - 1);
        if (after?.ChangeRequestId is not { } requestId || before is null)
        {
            return null;
        }
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var touched = DryRunFlows.Touched(request.Items, PublishedConfiguration.ToSnapshot(before).Configuration, PublishedConfiguration.ToSnapshot(after).Configuration);
        return touched.Any(f => f.Id == run.FlowId) ? (after.Number, request) : null;
    }

    /// <summary>Runs that read records and went through (replays aside: they re-process what failed before).</summary>
    private static IQueryable<SyncRun> Counted(CrmDbContext db, Guid flowId) =>
        db.SyncRuns.AsNoTracking().Where(r => r.FlowId == flowId && !r.DryRun && r.Read > 0 && r.Trigger != SyncTrigger.Replay
            && (r.Status == SyncRunStatus.Succeeded || r.Status == SyncRunStatus.CompletedWithErrors));
}
