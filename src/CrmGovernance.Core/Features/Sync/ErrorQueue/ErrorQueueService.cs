using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>
/// The error queue for the operations pages: rejected and failed records and unreadable inbound payloads, waiting
/// for a fix and a replay (replays are runs: <see cref="Engine.SyncRunner.StartReplayAsync"/>), or for someone to discard them.
/// </summary>
public sealed class ErrorQueueService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, TimeProvider clock,
    PublishedConfiguration published)
{
    public const int MaxPageSize = 200;
    public const string DiscardAction = AuditActions.ErrorQueueDiscard;
    public const string AuditEntityType = "ErrorQueueItem";

    /// <summary>Items, newest first.</summary>
    public async Task<PagedResult<ErrorQueueRow>> ListAsync(ErrorQueueFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewErrorQueue);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.ErrorQueueItems.AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }
        if (filter.Kind is { } kind)
        {
            query = query.Where(e => e.Kind == kind);
        }
        if (filter.FlowId is { } flowId)
        {
            query = query.Where(e => e.FlowId == flowId);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var search = filter.Search.Trim();
            // Words of the reason ignoring case on both engines: SQLite's LIKE ignores it, PostgreSQL's does not.
            var pattern = "%" + db.Database.Dialect().Upper(search).Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
                .Replace("_", @"\_", StringComparison.Ordinal) + "%";
            #pragma warning disable CA1304, CA1311 // Translated to SQL's upper(), run by the database, not in .NET.
            query = query.Where(e => (e.SourceId != null && e.SourceId.StartsWith(search)) || EF.Functions.Like(e.Reason.ToUpper(), pattern, @"\"));
            #pragma warning restore CA1304, CA1311
        }
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(e => e.Id).Skip(page * pageSize).Take(pageSize)
            .Select(e => new { e.Id, e.Kind, e.Status, e.FlowId, e.SystemKey, e.ObjectKey, e.RunId, e.SourceId, e.Reason, e.Attempts, e.CreatedUtc, e.LastAttemptUtc, e.Payload })
            .ToListAsync(cancellationToken);
        var rows = items.Select(e => new ErrorQueueRow(e.Id, e.Kind, e.Status, e.FlowId, e.SystemKey, e.ObjectKey, e.RunId, e.SourceId, e.Reason,
            e.Attempts, e.CreatedUtc, e.LastAttemptUtc, ErrorQueueRecordName.Of(e.Payload))).ToList();
        return new PagedResult<ErrorQueueRow>(rows, total);
    }

    /// <summary>One item with its payload.</summary>
    public async Task<ErrorQueueItem?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewErrorQueue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ErrorQueueItems.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>
    /// Takes open items out of the queue for good: they will not be replayed. Items no longer open (resolved by a
    /// replay meanwhile, or discarded by someone else) are left as they are. Recorded in the audit trail with the reason.
    /// </summary>
    /// <returns>How many items were discarded.</returns>
    public async Task<int> DiscardAsync(IReadOnlyCollection<long> ids, string reason, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkErrorQueue);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Say why these items are discarded.", nameof(reason));
        }
        if (ids.Count == 0)
        {
            return 0;
        }
        reason = reason.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var by = actor.Name;
        List<long> discarded;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var flows = await db.ErrorQueueItems.Where(e => ids.Contains(e.Id)).Select(e => e.FlowId).Distinct().ToListAsync(cancellationToken);
            if (flows.Count > 0)
            {
                // Business owners and stewards discard only the records of flows they answer for.
                actor.EnsureFor(Capability.WorkErrorQueue, Accountability.ForFlows((await published.CurrentAsync(cancellationToken)).Configuration, flows));
            }
            discarded = await ErrorQueueWriter.DiscardAsync(db, ids, by, now, cancellationToken);
        }
        if (discarded.Count > 0)
        {
            var subject = string.Join(",", discarded);
            await audit.RecordAsync(DiscardAction, AuditEntityType, subject.Length <= 256 ? subject : subject[..255] + "…",
                new { reason, count = discarded.Count, items = subject },
                cancellationToken: cancellationToken);
        }
        return discarded.Count;
    }

    /// <summary>Open items in all (for Home); 0 for someone who may not work the queue.</summary>
    public async Task<int> OpenCountAsync(CancellationToken cancellationToken = default)
    {
        if (!actor.Holds(Capability.ViewErrorQueue))
        {
            return 0;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ErrorQueueItems.CountAsync(e => e.Status == ErrorStatus.Open, cancellationToken);
    }

    /// <summary>Open items per flow, most first.</summary>
    public async Task<IReadOnlyList<OpenErrorCount>> OpenCountsByFlowAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewErrorQueue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var counts = await db.ErrorQueueItems.Where(e => e.Status == ErrorStatus.Open)
            .GroupBy(e => new { e.FlowId, e.SystemKey, e.ObjectKey })
            .Select(g => new OpenErrorCount(g.Key.FlowId, g.Key.SystemKey, g.Key.ObjectKey, g.Count()))
            .ToListAsync(cancellationToken);
        return counts.OrderByDescending(c => c.Count).ThenBy(c => c.SystemKey, StringComparer.Ordinal).ToList();
    }
}
