using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Insights.Sources;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>
/// The review items, steward decisions, error-queue items and scans behind a number, read from the same rows and with the
/// same rules as <see cref="QueueContribution"/> and <see cref="ScanContribution"/> (each unit in the hour it entered,
/// was decided or finished), so the count and sums are the figure. Newest first, a page at a time, totals summed in SQL.
/// </summary>
internal static class QueueDrill
{
    public static async Task<DrillItems> ReviewEnteredAsync(CrmDbContext db, DrillSubjects s, int page, int size, CancellationToken ct)
    {
        var items = ReviewEntered(db, s);
        var total = await items.CountAsync(ct);
        var rows = await Page(items.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id), page, size).ToListAsync(ct);
        return new DrillItems(rows.Select(r => ReviewRow(r, s, r.CreatedUtc, 1)).ToList(), total, total, null, null);
    }

    public static async Task<DrillItems> DecisionsAsync(CrmDbContext db, DrillSubjects s, int page, int size, CancellationToken ct)
    {
        var decisions = QueueContribution.Decisions;
        var items = Review(db, s).Where(r => r.DecidedUtc >= s.FromUtc && r.DecidedUtc < s.ToUtc && decisions.Contains(r.Status));
        var total = await items.CountAsync(ct);
        var seconds = total == 0 ? 0 : await items.SumAsync(r => r.HandlingSeconds ?? 0, ct);
        var rows = await Page(items.OrderByDescending(r => r.DecidedUtc).ThenByDescending(r => r.Id), page, size).ToListAsync(ct);
        return new DrillItems(rows.Select(r => ReviewRow(r, s, r.DecidedUtc!.Value, r.HandlingSeconds ?? 0)).ToList(), total, seconds, null, null);
    }

    /// <summary>Error-queue items of a flow (an item without one is counted nowhere), in the hour they entered.</summary>
    public static async Task<DrillItems> ErrorsEnteredAsync(CrmDbContext db, DrillSubjects s, int page, int size, CancellationToken ct)
    {
        var items = ErrorsEntered(db, s);
        var total = await items.CountAsync(ct);
        var rows = await Page(items.OrderByDescending(e => e.CreatedUtc).ThenByDescending(e => e.Id), page, size).ToListAsync(ct);
        return new DrillItems(rows.Select(e => ErrorRow(e, s)).ToList(), total, total, null, null);
    }

    /// <summary>
    /// Review and error-queue items together, newest first, as the flows table's manual handling counts them. Each list is
    /// read up to the end of the page asked for and the two merged: a page deep in the list reads more rows, which a
    /// period's manual handling keeps few.
    /// </summary>
    public static async Task<DrillItems> ManualAsync(CrmDbContext db, DrillSubjects s, int page, int size, CancellationToken ct)
    {
        var pageSize = Math.Clamp(size, 1, 500);
        var upTo = (Math.Max(0, page) + 1) * pageSize;
        var (reviews, errors) = (ReviewEntered(db, s), ErrorsEntered(db, s));
        var total = await reviews.CountAsync(ct) + await errors.CountAsync(ct);
        var r = await reviews.OrderByDescending(x => x.CreatedUtc).ThenByDescending(x => x.Id).Take(upTo).ToListAsync(ct);
        var e = await errors.OrderByDescending(x => x.CreatedUtc).ThenByDescending(x => x.Id).Take(upTo).ToListAsync(ct);
        var merged = r.Select(x => ReviewRow(x, s, x.CreatedUtc, 1)).Concat(e.Select(x => ErrorRow(x, s)))
            .OrderByDescending(x => x.AtUtc).ThenBy(x => x.Source).ThenByDescending(x => x.Id).Skip(Math.Max(0, page) * pageSize).Take(pageSize).ToList();
        return new DrillItems(merged, total, total, null, null);
    }

    private static IQueryable<ReviewItem> ReviewEntered(CrmDbContext db, DrillSubjects s) =>
        Review(db, s).Where(r => r.CreatedUtc >= s.FromUtc && r.CreatedUtc < s.ToUtc);

    private static DrillItem ErrorRow(ErrorQueueItem e, DrillSubjects s) =>
        new(DrillSource.ErrorQueue, e.Id, $"{e.SourceId ?? "(no source id)"}: {Short(e.Reason)}", s.FlowName(e.FlowId), e.CreatedUtc, $"{e.Kind}, {e.Status}", 1, null,
            e.FlowId, e.SourceId);

    private static IQueryable<ErrorQueueItem> ErrorsEntered(CrmDbContext db, DrillSubjects s)
    {
        var items = db.ErrorQueueItems.AsNoTracking().Where(e => e.FlowId != null && e.CreatedUtc >= s.FromUtc && e.CreatedUtc < s.ToUtc);
        if (s.FlowId is { } f)
        {
            items = items.Where(e => e.FlowId == f);
        }
        if (s.ErrorFlows() is { } flows)
        {
            items = items.Where(e => flows.Contains(e.FlowId));
        }
        if (s.InFlows is { } set)
        {
            items = items.Where(e => set.Contains(e.FlowId));
        }
        return items;
    }

    /// <summary>Completed scans, in the hour they finished: duplicate records found over records read. A scan belongs to no flow.</summary>
    public static async Task<DrillItems> ScansAsync(CrmDbContext db, DrillSubjects s, int page, int size, CancellationToken ct)
    {
        if (s.FlowId is not null || s.FlowSet is not null)
        {
            return new DrillItems([], 0, 0, 0, null);
        }
        var scans = db.DuplicateScans.AsNoTracking().Where(x => x.Status == ScanStatus.Completed && x.FinishedUtc >= s.FromUtc && x.FinishedUtc < s.ToUtc);
        if (s.ObjectId is { } o)
        {
            scans = scans.Where(x => x.ObjectId == o);
        }
        if (s.SystemId is { } system)
        {
            scans = scans.Where(x => x.SystemId == system);
        }
        if (!s.Scope.Everything)
        {
            var allowed = s.Allowed;
            scans = scans.Where(x => allowed.Contains(x.ObjectId));
        }
        var sums = await scans.GroupBy(_ => 1).Select(g => new { Count = g.Count(), Duplicates = g.Sum(x => x.DuplicateRecords), Read = g.Sum(x => x.RecordsRead) })
            .FirstOrDefaultAsync(ct);
        var rows = await Page(scans.OrderByDescending(x => x.FinishedUtc).ThenByDescending(x => x.Id), page, size)
            .Select(x => new { x.Id, x.ObjectId, x.SystemId, x.FinishedUtc, x.Clusters, x.PairsFound, x.DuplicateRecords, x.RecordsRead }).ToListAsync(ct);
        return new DrillItems(rows.Select(x => new DrillItem(DrillSource.Scans, x.Id, $"Scan #{x.Id}: {x.Clusters:N0} cluster(s), {x.PairsFound:N0} pair(s)",
                s.ObjectIn(x.ObjectId, x.SystemId), x.FinishedUtc!.Value, "Completed", x.DuplicateRecords, x.RecordsRead)).ToList(),
            sums?.Count ?? 0, sums?.Duplicates ?? 0, sums?.Read ?? 0, null);
    }

    /// <summary>Review items by object, flow, system and scope as their buckets are read (their flow may be none; their only system is the one reviewed).</summary>
    private static IQueryable<ReviewItem> Review(CrmDbContext db, DrillSubjects s)
    {
        var items = db.ReviewItems.AsNoTracking();
        if (s.ObjectId is { } o)
        {
            items = items.Where(r => r.ObjectId == o);
        }
        if (s.FlowId is { } f)
        {
            items = items.Where(r => r.FlowId == f);
        }
        if (s.InFlows is { } set)
        {
            items = items.Where(r => set.Contains(r.FlowId));
        }
        if (s.SystemId is { } system)
        {
            items = items.Where(r => r.SystemId == system);
        }
        if (!s.Scope.Everything)
        {
            var allowed = s.Allowed;
            items = items.Where(r => allowed.Contains(r.ObjectId));
        }
        return items;
    }

    private static DrillItem ReviewRow(ReviewItem r, DrillSubjects s, DateTime at, double counted) =>
        new(DrillSource.ReviewQueue, r.Id, r.IsHeldChange ? $"Held change to {r.LeftRecordId}" : $"Pair {r.LeftRecordId} and {r.RightRecordId}",
            s.ObjectIn(r.ObjectId, r.SystemId), at, r.Status.ToString(), counted, null, r.FlowId);

    private static IQueryable<T> Page<T>(IQueryable<T> query, int page, int size) =>
        query.Skip(Math.Max(0, page) * Math.Clamp(size, 1, 500)).Take(Math.Clamp(size, 1, 500));

    private static string Short(string reason) => reason.Length > 160 ? reason[..160] + "…" : reason;
}
