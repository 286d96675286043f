using CrmGovernance.Core.Features.Matching.ReviewQueue;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>The review queue's filters and orders as queries, shared by the list, its neighbours and the metrics.</summary>
internal static class ReviewQueries
{
    /// <summary>Items waiting for a decision: open, unmerged, or deferred until a time that has passed.</summary>
    public static IQueryable<ReviewItem> Waiting(IQueryable<ReviewItem> items, DateTime now) =>
        items.Where(r => r.Status == ReviewStatus.Open || r.Status == ReviewStatus.Unmerged
            || (r.Status == ReviewStatus.Deferred && r.DeferredUntilUtc <= now));

    public static IQueryable<ReviewItem> Filter(IQueryable<ReviewItem> items, ReviewQueueFilter filter, string actorName, DateTime now)
    {
        items = filter.View switch
        {
            ReviewView.Waiting => Waiting(items, now),
            ReviewView.Deferred => items.Where(r => r.Status == ReviewStatus.Deferred && r.DeferredUntilUtc > now),
            ReviewView.Merged => items.Where(r => r.Status == ReviewStatus.Merged),
            ReviewView.NotDuplicate => items.Where(r => r.Status == ReviewStatus.NotDuplicate),
            _ => items,
        };
        if (filter.ObjectId is { } objectId)
        {
            items = items.Where(r => r.ObjectId == objectId);
        }
        if (filter.SystemId is { } systemId)
        {
            items = items.Where(r => r.SystemId == systemId);
        }
        if (filter.FlowId is { } flowId)
        {
            items = items.Where(r => r.FlowId == flowId);
        }
        if (filter.MinScore is { } min)
        {
            items = items.Where(r => r.Score >= min);
        }
        if (filter.MaxScore is { } max)
        {
            items = items.Where(r => r.Score <= max);
        }
        if (filter.MinAgeDays is { } days && days > 0)
        {
            var createdBefore = now.AddDays(-days);
            items = items.Where(r => r.CreatedUtc <= createdBefore);
        }
        items = filter.Assignee?.Trim() switch
        {
            null or "" => items,
            ReviewQueueFilter.Unassigned => items.Where(r => r.AssignedTo == null),
            ReviewQueueFilter.Mine => items.Where(r => r.AssignedTo == actorName),
            var name => items.Where(r => r.AssignedTo == name),
        };
        return items;
    }

    public static IQueryable<ReviewItem> Order(IQueryable<ReviewItem> items, ReviewSort sort) => sort switch
    {
        ReviewSort.LowestScore => items.OrderBy(r => r.Score).ThenBy(r => r.Id),
        ReviewSort.Oldest => items.OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id),
        ReviewSort.Newest => items.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id),
        _ => items.OrderByDescending(r => r.Score).ThenBy(r => r.Id),
    };

    /// <summary>The items after <paramref name="current"/> in the list's order (whether or not it is still in the list).</summary>
    public static IQueryable<ReviewItem> After(IQueryable<ReviewItem> items, ReviewSort sort, ReviewItem current)
    {
        var (score, created, id) = (current.Score, current.CreatedUtc, current.Id);
        return sort switch
        {
            ReviewSort.LowestScore => items.Where(r => r.Score > score || (r.Score == score && r.Id > id)),
            ReviewSort.Oldest => items.Where(r => r.CreatedUtc > created || (r.CreatedUtc == created && r.Id > id)),
            ReviewSort.Newest => items.Where(r => r.CreatedUtc < created || (r.CreatedUtc == created && r.Id < id)),
            _ => items.Where(r => r.Score < score || (r.Score == score && r.Id > id)),
        };
    }

    /// <summary>The items before <paramref name="current"/>, nearest first.</summary>
    public static IQueryable<ReviewItem> Before(IQueryable<ReviewItem> items, ReviewSort sort, ReviewItem current)
    {
        var (score, created, id) = (current.Score, current.CreatedUtc, current.Id);
        return sort switch
        {
            ReviewSort.LowestScore => items.Where(r => r.Score < score || (r.Score == score && r.Id < id)).OrderByDescending(r => r.Score).ThenByDescending(r => r.Id),
            ReviewSort.Oldest => items.Where(r => r.CreatedUtc < created || (r.CreatedUtc == created && r.Id < id)).OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id),
            ReviewSort.Newest => items.Where(r => r.CreatedUtc > created || (r.CreatedUtc == created && r.Id > id)).OrderBy(r => r.CreatedUtc).ThenBy(r => r.Id),
            _ => items.Where(r => r.Score > score || (r.Score == score && r.Id < id)).OrderBy(r => r.Score).ThenByDescending(r => r.Id),
        };
    }
}
