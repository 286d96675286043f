using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// The review queue for the stewardship pages: the list (server-side paging), one item, its neighbours in the list,
/// and assignment. Decisions are <see cref="ReviewDecisions"/>; merges <see cref="MergeService"/>.
/// </summary>
public sealed class ReviewQueueService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, TimeProvider clock, RecordNames names)
{
    public const int MaxPageSize = 200;
    public const string AuditEntityType = "ReviewItem";

    public async Task<PagedResult<ReviewQueueRow>> ListAsync(ReviewQueueFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewReviewQueue);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(0, page);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = ReviewQueries.Filter(db.ReviewItems.AsNoTracking(), filter, actor.Name, Now);
        var total = await query.CountAsync(cancellationToken);
        var rows = await ReviewQueries.Order(query, filter.Sort).Skip(page * pageSize).Take(pageSize)
            .Select(r => new
            {
                Row = new ReviewQueueRow(r.Id, r.ObjectId, r.SystemId, r.FlowId, r.ScanId, r.LeftRecordId, r.RightRecordId, r.Score, r.Status,
                    r.AssignedTo, r.CreatedUtc, r.DeferredUntilUtc, r.DecidedBy, r.DecidedUtc, ""),
                r.ExplanationJson,
            })
            .ToListAsync(cancellationToken);
        var known = await NamesAsync(rows.Select(r => r.Row).ToList(), cancellationToken);
        return new PagedResult<ReviewQueueRow>(rows.Select(r =>
        {
            var explanations = ReviewJson.Explanations(r.ExplanationJson);
            return r.Row with
            {
                Reason = ReviewJson.Summary(r.ExplanationJson),
                LeftName = known.GetValueOrDefault((r.Row.SystemId, r.Row.LeftRecordId)) ?? RecordNames.FromExplanations(explanations, left: true),
                RightName = known.GetValueOrDefault((r.Row.SystemId, r.Row.RightRecordId)) ?? RecordNames.FromExplanations(explanations, left: false),
            };
        }).ToList(), total);
    }

    /// <summary>The names of the rows' records as their systems hold them now, one read per system and object.</summary>
    private async Task<Dictionary<(Guid SystemId, string RecordId), string>> NamesAsync(List<ReviewQueueRow> rows, CancellationToken cancellationToken)
    {
        var found = new Dictionary<(Guid, string), string>();
        foreach (var group in rows.GroupBy(r => (r.SystemId, r.ObjectId)))
        {
            var ids = group.SelectMany(r => new[] { r.LeftRecordId, r.RightRecordId }).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (id, name) in await names.ReadAsync(group.Key.SystemId, group.Key.ObjectId, ids, cancellationToken))
            {
                found[(group.Key.SystemId, id)] = name;
            }
        }
        return found;
    }

    public async Task<ReviewItem?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewReviewQueue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>The previous and next item of the list <paramref name="filter"/> gives, around <paramref name="id"/> (null at either end).</summary>
    public async Task<(long? Previous, long? Next)> NeighboursAsync(long id, ReviewQueueFilter filter, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewReviewQueue);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } current)
        {
            return (null, null);
        }
        var list = ReviewQueries.Filter(db.ReviewItems.AsNoTracking(), filter, actor.Name, Now).Where(r => r.Id != id);
        var next = await ReviewQueries.Order(ReviewQueries.After(list, filter.Sort, current), filter.Sort).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        var previous = await ReviewQueries.Before(list, filter.Sort, current).Select(r => (long?)r.Id).FirstOrDefaultAsync(cancellationToken);
        return (previous, next);
    }

    /// <summary>
    /// Assigns items to a user (null: unassigns them). Items already decided are left as they are. One audit entry
    /// records each item's assignee before and after.
    /// </summary>
    /// <returns>How many items changed hands.</returns>
    public async Task<int> AssignAsync(IReadOnlyCollection<long> ids, string? assignee, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkReviewQueue);
        assignee = string.IsNullOrWhiteSpace(assignee) ? null : assignee.Trim();
        if (assignee is not null && !(await StewardsAsync(cancellationToken)).Contains(assignee, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{assignee} is not an enabled admin or steward, so cannot work the review queue.", nameof(assignee));
        }
        List<(long Id, string? Before)> changed;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var items = await db.ReviewItems.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            changed = items.Where(r => ReviewPairs.IsUndecided(r.Status) && r.AssignedTo != assignee).OrderBy(r => r.Id)
                .Select(r => (r.Id, r.AssignedTo)).ToList();
            var changing = changed.Select(c => c.Id).ToList();
            await db.ReviewItems.Where(r => changing.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.AssignedTo, assignee), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (changed.Count > 0)
        {
            await audit.RecordAsync(AuditActions.ReviewAssign, AuditEntityType, Subject(changed.Select(c => c.Id)),
                new { items = changed.Select(c => new { id = c.Id, before = c.Before, after = assignee }) }, cancellationToken: cancellationToken);
        }
        return changed.Count;
    }

    /// <summary>The user names items can be assigned to: enabled users who may work the queue (admins and stewards).</summary>
    public async Task<IReadOnlyList<string>> StewardsAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewReviewQueue);
        // Role ids are the role names (Roles); who may work the queue is the capability table's to say.
        var working = CapabilityTable.Of(Capability.WorkReviewQueue).AnyRoles.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && db.UserRoles.Any(r => r.UserId == u.Id && working.Contains(r.RoleId)))
            .Select(u => u.UserName!).ToListAsync(cancellationToken);
        return names.Where(n => !string.IsNullOrEmpty(n)).Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Items waiting for the current user (assigned to them), for Home; 0 for someone who may not work the queue.</summary>
    public async Task<int> WaitingForMeAsync(CancellationToken cancellationToken = default)
    {
        if (!actor.Holds(Capability.WorkReviewQueue))
        {
            return 0;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var name = actor.Name;
        return await ReviewQueries.Waiting(db.ReviewItems, Now).CountAsync(r => r.AssignedTo == name, cancellationToken);
    }

    /// <summary>The audit subject of items: their ids, comma-separated, cut to the column's length.</summary>
    internal static string Subject(IEnumerable<long> ids)
    {
        var text = string.Join(",", ids);
        return text.Length <= 256 ? text : text[..255] + "…";
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
