using System.Text.Json;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// Runs one assessment with the configuration version it was requested under: reads every record of the system's
/// object through its connector (a page at a time), profiles the catalog's fields, takes the uniqueness from the latest
/// completed duplicate scan, and stores the figures. Every assessment ends on its row: completed, cancelled, or failed
/// with the reason.
/// </summary>
internal sealed class AssessmentExecutor(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, IConnectorFactory connectors,
    RunningWork running, TimeProvider clock, ILogger<AssessmentExecutor> logger)
{
    /// <param name="cancel">Someone cancelled the assessment.</param>
    /// <param name="stopping">The process is shutting down.</param>
    public async Task RunAsync(long id, CancellationToken cancel, CancellationToken stopping)
    {
        if (await ClaimAsync(id, stopping) is not { } assessment)
        {
            return; // Cancelled while it waited, or taken already.
        }
        using var work = CancellationTokenSource.CreateLinkedTokenSource(cancel, stopping);
        Outcome? outcome = null;
        var (status, error) = (AssessmentStatus.Completed, (string?)null);
        try
        {
            await using var progress = new AssessmentProgressReporter(contexts, id, work, clock);
            outcome = await AssessAsync(assessment, progress, work.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            (status, error) = (AssessmentStatus.Failed, AssessmentRunner.CutOff);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested)
        {
            (status, error) = (AssessmentStatus.Cancelled, "Cancelled.");
        }
        catch (SystemUnavailableException e)
        {
            (status, error) = (AssessmentStatus.Failed, $"The system could not be reached, so nothing was assessed: {e.Message}");
        }
        catch (Exception e)
        {
            // Whatever went wrong, the assessment must end with a status and a reason, never stay "running".
            logger.LogError(e, "Assessment {AssessmentId} failed", id);
            (status, error) = (AssessmentStatus.Failed, e.Message);
        }
        await FinishAsync(assessment, status, error, outcome);
    }

    private sealed record Outcome(AssessmentProfiler Profiler, IReadOnlyList<FieldFindings> Fields, (long Id, double Rate)? Scan, QualityScores Scores);

    private async Task<Outcome> AssessAsync(Assessment assessment, AssessmentProgressReporter progress, CancellationToken cancellationToken)
    {
        var snapshot = await published.VersionAsync(assessment.ConfigurationVersion, cancellationToken)
            ?? throw new InvalidOperationException($"Configuration version {assessment.ConfigurationVersion} no longer exists.");
        var (plan, problem) = AssessmentPlan.For(snapshot.Configuration, assessment.SystemId, assessment.ObjectId);
        if (plan is null)
        {
            throw new InvalidOperationException(problem);
        }
        var expected = await PreviousRecordCountAsync(assessment, cancellationToken);
        var profiler = new AssessmentProfiler(plan.Fields, assessment.Region, (assessment.StartedUtc ?? clock.GetUtcNow().UtcDateTime).AddMonths(-assessment.StaleMonths));
        await using (var connector = connectors.OpenForFullRead(plan.System))
        {
            await AssessmentReader.ReadAsync(connector, plan.BusinessObject.Key, plan.System.Name, profiler, expected, progress.ReadAsync, cancellationToken);
        }
        var fields = profiler.Findings();
        var scan = await LatestScanAsync(assessment, cancellationToken);
        var scores = QualityScores.From(profiler.Records, fields, scan?.Rate, profiler.WithUpdateTime == 0 ? null : profiler.WithUpdateTime, profiler.Stale);
        return new Outcome(profiler, fields, scan, scores);
    }

    private async Task<Assessment?> ClaimAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var claimed = await db.Assessments.Where(a => a.Id == id && a.Status == AssessmentStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssessmentStatus.Running).SetProperty(a => a.StartedUtc, now)
                .SetProperty(a => a.Phase, "reading").SetProperty(a => a.Progress, 0)
                .SetProperty(a => a.Node, running.Node).SetProperty(a => a.HeartbeatUtc, now), cancellationToken);
        return claimed == 0 ? null : await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>How many records the last completed assessment of the same system's object read: the estimate for progress.</summary>
    private async Task<long> PreviousRecordCountAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Assessments.Where(a => a.SystemId == assessment.SystemId && a.ObjectId == assessment.ObjectId && a.Status == AssessmentStatus.Completed)
            .OrderByDescending(a => a.Id).Select(a => a.RecordsRead).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The duplicate rate of the latest completed scan of the same system's object; none: uniqueness not measured.</summary>
    private async Task<(long Id, double Rate)?> LatestScanAsync(Assessment assessment, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scan = await db.DuplicateScans.Where(s => s.SystemId == assessment.SystemId && s.ObjectId == assessment.ObjectId && s.Status == ScanStatus.Completed)
            .OrderByDescending(s => s.Id).Select(s => new { s.Id, s.DuplicateRate }).FirstOrDefaultAsync(cancellationToken);
        return scan is null ? null : (scan.Id, scan.DuplicateRate);
    }

    private async Task FinishAsync(Assessment assessment, AssessmentStatus status, string? error, Outcome? outcome)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        // Only a row still running is finished here: a cancel written meanwhile by someone else stands.
        var runningRow = db.Assessments.Where(a => a.Id == assessment.Id && a.Status == AssessmentStatus.Running);
        int finished;
        if (status == AssessmentStatus.Completed && outcome is not null)
        {
            var (p, scores) = (outcome.Profiler, outcome.Scores);
            finished = await runningRow.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssessmentStatus.Completed).SetProperty(a => a.FinishedUtc, now)
                .SetProperty(a => a.Phase, "done").SetProperty(a => a.Progress, 1).SetProperty(a => a.RecordsRead, p.Records)
                .SetProperty(a => a.RecordsWithUpdateTime, p.WithUpdateTime == 0 ? null : p.WithUpdateTime).SetProperty(a => a.StaleRecords, p.Stale)
                .SetProperty(a => a.StaleExamplesJson, JsonSerializer.Serialize(p.StaleExamples, AssessmentJson.Options))
                .SetProperty(a => a.DuplicateScanId, outcome.Scan == null ? null : outcome.Scan.Value.Id)
                .SetProperty(a => a.DuplicateRate, outcome.Scan == null ? null : outcome.Scan.Value.Rate)
                .SetProperty(a => a.Completeness, scores.Completeness).SetProperty(a => a.Validity, scores.Validity)
                .SetProperty(a => a.Uniqueness, scores.Uniqueness).SetProperty(a => a.Freshness, scores.Freshness));
            if (finished == 1)
            {
                db.AssessmentFields.AddRange(outcome.Fields.Select(f => AssessmentJson.Row(assessment.Id, f)));
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        else
        {
            var reason = error is { Length: > 4000 } ? error[..3999] + "…" : error;
            finished = await runningRow.ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, status).SetProperty(a => a.FinishedUtc, now)
                .SetProperty(a => a.Error, reason));
        }
        if (finished == 1)
        {
            await db.RaiseNowAsync(new AssessmentFinished(assessment.Id, assessment.SystemId, assessment.ObjectId, status.ToString()), now, CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);
    }
}
