using System.Data.Common;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Writes a long job's latest progress to its row once a second, from a loop of its own, so a job of a million records
/// costs a few hundred small updates whatever thread reports. The update touches the row only while it is still
/// running; when it finds none (the job was cancelled, here or in another process), it cancels the work. Used by the
/// duplicate scans and the audit exports.
/// </summary>
internal sealed class RunningRowUpdater : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly IDbContextFactory<CrmDbContext> _contexts;
    private readonly CancellationTokenSource _work;
    private readonly Func<CrmDbContext, CancellationToken, Task<int>> _update;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="work">Cancelled when the row is no longer running.</param>
    /// <param name="update">Updates the row where it is still running and returns the rows updated (0 or 1).</param>
    public RunningRowUpdater(IDbContextFactory<CrmDbContext> contexts, CancellationTokenSource work, Func<CrmDbContext, CancellationToken, Task<int>> update)
    {
        _contexts = contexts;
        _work = work;
        _update = update;
        _loop = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                await WriteAsync(_stop.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The job ended; its final figures are written by whoever ran it.
        }
    }

    private async Task WriteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await _contexts.CreateDbContextAsync(cancellationToken);
            if (await _update(db, cancellationToken) == 0)
            {
                await _work.CancelAsync();
            }
        }
        catch (DbException)
        {
            // A busy database delays this figure to the next tick; the job itself goes on.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
