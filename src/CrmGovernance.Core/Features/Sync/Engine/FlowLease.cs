using CrmGovernance.Core.Data;
using CrmGovernance.Core.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// One run per flow across processes and nodes: a run holds its flow's lease (on the flow's cursor row) and renews it with
/// every batch. A lease is free when released, expired, or held by a process of this machine that no longer exists (a
/// killed worker's flows are picked up at once, not after the lease runs out). This, not the scheduler, is the guarantee
/// of one run per flow: a clustered scheduler can fire a flow on a second node when it wrongly declares the first dead.
/// <para>
/// The holder writes its expiry by its own clock and another node judges it by its clock, so a lease held elsewhere
/// counts as expired only <paramref name="skew"/> after its expiry (Sync:LeaseSkewSeconds): a node whose clock runs up to
/// that much ahead still waits for the holder's real expiry. Nodes run NTP, so the margin covers what NTP leaves.
/// </para>
/// </summary>
public sealed class FlowLease(IDbContextFactory<CrmDbContext> contexts, TimeProvider time, TimeSpan skew)
{
    public static string NewHolder() => $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Takes the lease; returns the flow's cursor, or null Acquired=false with the current holder when it is held.</summary>
    public async Task<(bool Acquired, string? Cursor)> AcquireAsync(Guid flowId, string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var row = await db.FlowCursors.AsNoTracking().FirstOrDefaultAsync(c => c.FlowId == flowId, cancellationToken);
        if (row is null)
        {
            db.FlowCursors.Add(new FlowCursor { FlowId = flowId, UpdatedUtc = now, LeaseHolder = holder, LeaseUntilUtc = now + duration });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return (true, null);
            }
            catch (DbUpdateException)
            {
                return (false, null);
            }
        }
        if (row.LeaseHolder is { } current && row.LeaseUntilUtc + skew > now && !IsDead(current))
        {
            return (false, row.Cursor);
        }
        var previous = row.LeaseHolder;
        var taken = await db.FlowCursors.Where(c => c.FlowId == flowId && c.LeaseHolder == previous)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseHolder, holder).SetProperty(c => c.LeaseUntilUtc, now + duration), cancellationToken);
        return (taken == 1, row.Cursor);
    }

    public async Task ReleaseAsync(Guid flowId, string holder, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.FlowCursors.Where(c => c.FlowId == flowId && c.LeaseHolder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseHolder, (string?)null).SetProperty(c => c.LeaseUntilUtc, (DateTime?)null), cancellationToken);
    }

    public async Task<string?> CursorAsync(Guid flowId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FlowCursors.AsNoTracking().Where(c => c.FlowId == flowId).Select(c => c.Cursor).FirstOrDefaultAsync(cancellationToken);
    }

    private static bool IsDead(string holder)
    {
        var parts = holder.Split(':');
        return parts.Length == 3 && LocalProcess.HasEnded(parts[0], parts[1]);
    }
}
