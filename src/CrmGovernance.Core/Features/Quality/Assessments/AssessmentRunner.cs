using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// The background queue of assessments: one at a time, in request order, in the process that runs the worker
/// (<see cref="SyncOptions.Worker"/>). At start it fails assessments a stopped process left running (this node's or a
/// dead node's, <see cref="RunningWork"/>) and takes up those still queued; then it takes up those queued by other
/// processes (<see cref="QueuedWorkPoll"/>) and fails those whose node died meanwhile. Singleton and hosted service.
/// </summary>
public sealed class AssessmentRunner(IServiceScopeFactory scopes, IOptions<SyncOptions> options, RunningWork running, ILogger<AssessmentRunner> logger)
    : BackgroundService
{
    /// <summary>Why an assessment whose process stopped failed.</summary>
    public const string CutOff = "The portal stopped while the assessment ran; start it again.";

    private readonly JobQueue<long> _queue = new();
    private readonly SemaphoreSlim _requests = new(1, 1);

    public bool IsWorker => options.Value.Worker;

    /// <summary>Stores the assessment as queued and queues it, unless one of the same system's object is queued or running.</summary>
    /// <exception cref="InvalidOperationException">That system's object is being assessed already (the message says so).</exception>
    internal async Task<long> QueueAsync(Assessment assessment, string what, CancellationToken cancellationToken)
    {
        // Checking and inserting under one gate: two requests at once must not both pass the check.
        await _requests.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await Contexts(scope).CreateDbContextAsync(cancellationToken);
            if (await db.Assessments.AnyAsync(a => a.SystemId == assessment.SystemId && a.ObjectId == assessment.ObjectId
                    && (a.Status == AssessmentStatus.Queued || a.Status == AssessmentStatus.Running), cancellationToken))
            {
                throw new InvalidOperationException($"{what} is being assessed already; wait for that assessment to finish, or cancel it.");
            }
            db.Assessments.Add(assessment);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            _requests.Release();
        }
        _queue.Enqueue(assessment.Id);
        return assessment.Id;
    }

    /// <summary>Stops the assessment if this process is running it; true when it was.</summary>
    public bool Cancel(long id) => _queue.Cancel(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsWorker)
        {
            return;
        }
        await Task.Yield();
        await StartupRetry.UntilDoneAsync(RecoverAsync, logger, "Recovering assessments", stoppingToken);
        var polling = QueuedWorkPoll.RunAsync(_queue, QueuedAsync, logger, "assessments", stoppingToken);
        var watching = running.WatchAsync(ct => FailCutOffAsync(atStart: false, ct), logger, "assessments", stoppingToken);
        try
        {
            await _queue.RunAsync(async (id, cancel) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("assessment", null);
                await scope.ServiceProvider.GetRequiredService<AssessmentExecutor>().RunAsync(id, cancel, stoppingToken);
            }, stoppingToken);
        }
        finally
        {
            await polling;
            await watching;
        }
    }

    private static IDbContextFactory<CrmDbContext> Contexts(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();

    private async Task<IReadOnlyList<long>> QueuedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await Contexts(scope).CreateDbContextAsync(cancellationToken);
        return await db.Assessments.Where(a => a.Status == AssessmentStatus.Queued).OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(cancellationToken);
    }

    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        await FailCutOffAsync(atStart: true, cancellationToken);
        foreach (var id in await QueuedAsync(cancellationToken))
        {
            _queue.Enqueue(id);
        }
    }

    /// <summary>Fails the running assessments whose node stopped (<see cref="RunningWork.IsCutOff"/>); returns how many.</summary>
    internal async Task<int> FailCutOffAsync(bool atStart, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await Contexts(scope).CreateDbContextAsync(cancellationToken);
        var runningNow = await db.Assessments.Where(a => a.Status == AssessmentStatus.Running)
            .Select(a => new { a.Id, a.SystemId, a.ObjectId, a.Node, a.HeartbeatUtc }).ToListAsync(cancellationToken);
        var cutOff = runningNow.Where(a => running.IsCutOff(a.Node, a.HeartbeatUtc, atStart)).ToList();
        var failed = 0;
        var now = running.Now;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var a in cutOff)
        {
            if (await db.Assessments.Where(x => x.Id == a.Id && x.Status == AssessmentStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AssessmentStatus.Failed).SetProperty(x => x.FinishedUtc, now)
                        .SetProperty(x => x.Error, CutOff), cancellationToken) == 1)
            {
                await db.RaiseNowAsync(new AssessmentFinished(a.Id, a.SystemId, a.ObjectId, nameof(AssessmentStatus.Failed)), now, cancellationToken);
                failed++;
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return failed;
    }

    public override void Dispose()
    {
        _requests.Dispose();
        base.Dispose();
    }
}
