using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// Takes a running assessment's progress and writes the latest to its row once a second (renewing its heartbeat); the
/// same write notices a cancel made in another process and cancels the work (<see cref="RunningRowUpdater"/>).
/// </summary>
internal sealed class AssessmentProgressReporter : IAsyncDisposable
{
    private readonly long _id;
    private readonly RunningRowUpdater _updater;
    private readonly TimeProvider _clock;
    private long _records;
    private double _fraction;

    public AssessmentProgressReporter(IDbContextFactory<CrmDbContext> contexts, long id, CancellationTokenSource work, TimeProvider clock)
    {
        _id = id;
        _clock = clock;
        _updater = new RunningRowUpdater(contexts, work, UpdateAsync);
    }

    public Task ReadAsync(long records, double fraction)
    {
        Interlocked.Exchange(ref _records, records);
        Volatile.Write(ref _fraction, fraction);
        return Task.CompletedTask;
    }

    private async Task<int> UpdateAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var (records, fraction) = (Interlocked.Read(ref _records), Volatile.Read(ref _fraction));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.Assessments.Where(a => a.Id == _id && a.Status == AssessmentStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.RecordsRead, records).SetProperty(a => a.Progress, fraction)
                .SetProperty(a => a.HeartbeatUtc, _clock.GetUtcNow().UtcDateTime), cancellationToken);
        if (updated == 1)
        {
            await db.RaiseNowAsync(new AssessmentProgressed(_id, records, fraction), _clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return updated;
    }

    public ValueTask DisposeAsync() => _updater.DisposeAsync();
}
