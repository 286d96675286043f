using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>
/// Ends the runs of a flow that a stopped process left marked running. Each becomes Interrupted with its
/// <see cref="RunFinished"/> in the same transaction, as a run that ends normally does: open run pages, incidents and the
/// insights roll-up hear of it, and a run is never left "Running" on a screen that no longer polls.
/// </summary>
public static class CutOffRuns
{
    public const string Message = "The process running it stopped before the run finished; the next run carried on from its last recorded batch.";

    /// <summary>
    /// Interrupts the flow's non-dry runs still marked running; the caller holds the flow's lease, so none of them is
    /// alive. Returns how many.
    /// </summary>
    public static async Task<int> InterruptAsync(CrmDbContext db, Guid flowId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var runs = await db.SyncRuns.AsNoTracking().Where(r => r.FlowId == flowId && r.Status == SyncRunStatus.Running && !r.DryRun)
            .ToListAsync(cancellationToken);
        if (runs.Count == 0)
        {
            return 0;
        }
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var interrupted = 0;
            foreach (var run in runs)
            {
                // One row at a time, so the event goes with exactly the rows this statement ended.
                var changed = await db.SyncRuns.Where(r => r.Id == run.Id && r.Status == SyncRunStatus.Running)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SyncRunStatus.Interrupted).SetProperty(r => r.FinishedUtc, r => r.HeartbeatUtc)
                        .SetProperty(r => r.Message, Message), cancellationToken);
                if (changed == 1)
                {
                    await db.RaiseNowAsync(new RunFinished(run.Id, run.FlowId, nameof(SyncRunStatus.Interrupted), run.DryRun, run.Read, run.Created, run.Updated,
                        run.Queued, run.Rejected, run.Failed), nowUtc, cancellationToken);
                    interrupted++;
                }
            }
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
            return interrupted;
        }
    }
}
