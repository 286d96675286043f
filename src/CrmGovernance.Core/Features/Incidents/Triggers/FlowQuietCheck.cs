using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using Quartz;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// Failures that raise no error. Silent: an active scheduled flow with no successful run that read records within
/// SilentAfterIntervals schedule intervals. Volume drop: any active flow whose records read in the last VolumeWindowMinutes
/// fall below VolumeDropRatio of the mean of the same window on the previous VolumeBaselineWeeks weeks (a website that
/// stops posting). Both count from the later of the flow's activation and <paramref name="watchingSinceUtc"/> (the portal's
/// start), so a fresh install or a new flow is not reported at once.
/// </summary>
public static class FlowQuietCheck
{
    public static async Task<IReadOnlyList<IncidentSignal>> FindAsync(CrmDbContext db, PublishedSnapshot current, IReadOnlyDictionary<Guid, DateTime> activeSince,
        DateTime watchingSinceUtc, DateTime now, CancellationToken cancellationToken)
    {
        var signals = new List<IncidentSignal>();
        foreach (var flow in current.Configuration.Flows.Where(f => f.Status == FlowStatus.Active))
        {
            var policy = current.Configuration.IncidentPolicyFor(flow.Id);
            var since = activeSince.TryGetValue(flow.Id, out var activated) && activated > watchingSinceUtc ? activated : watchingSinceUtc;
            if (flow.Pattern == FlowPattern.Scheduled && Interval(flow.Cron, now) is { } interval
                && await SilentAsync(db, flow, policy, interval, since, now, cancellationToken) is { } silent)
            {
                signals.Add(silent);
            }
            if (await DropAsync(db, flow, policy, since, now, cancellationToken) is { } drop)
            {
                signals.Add(drop);
            }
        }
        return signals;
    }

    /// <summary>The time between the next two fires of a Quartz cron (UTC, as the scheduler runs flows).</summary>
    public static TimeSpan? Interval(string? cron, DateTime now)
    {
        if (!CronExpression.TryParse(cron ?? "", out var parsed))
        {
            return null;
        }
        var expression = parsed.WithTimeZone(TimeZoneInfo.Utc);
        var next = expression.GetNextValidTimeAfter(new DateTimeOffset(now, TimeSpan.Zero));
        var after = next is { } n ? expression.GetNextValidTimeAfter(n) : null;
        return next is { } a && after is { } b ? b - a : null;
    }

    private static async Task<IncidentSignal?> SilentAsync(CrmDbContext db, DataFlow flow, IncidentPolicy policy, TimeSpan interval,
        DateTime since, DateTime now, CancellationToken cancellationToken)
    {
        var window = interval * Math.Max(1, policy.SilentAfterIntervals);
        if (now - since < window)
        {
            return null;
        }
        var lastGood = await db.SyncRuns.Where(r => r.FlowId == flow.Id && !r.DryRun && r.Read > 0
                && (r.Status == SyncRunStatus.Succeeded || r.Status == SyncRunStatus.CompletedWithErrors))
            .OrderByDescending(r => r.StartedUtc).Select(r => (DateTime?)r.StartedUtc).FirstOrDefaultAsync(cancellationToken);
        if (lastGood >= now - window)
        {
            return null;
        }
        var last = lastGood is { } at ? $"the last one that did started {at:yyyy-MM-dd HH:mm} UTC" : "none ever did";
        return new(IncidentCause.SilentFlow, $"{flow.Name} has gone silent",
            $"No run of {flow.Name} read any records in {Span(window)} ({policy.SilentAfterIntervals} schedule intervals of {Span(interval)}); {last}.")
        { FlowId = flow.Id };
    }

    private static async Task<IncidentSignal?> DropAsync(CrmDbContext db, DataFlow flow, IncidentPolicy policy, DateTime since, DateTime now, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromMinutes(Math.Max(1, policy.VolumeWindowMinutes));
        if (now - since < window)
        {
            return null;
        }
        var weeks = new List<int>();
        for (var week = 1; week <= policy.VolumeBaselineWeeks; week++)
        {
            var end = now - TimeSpan.FromDays(7 * week);
            weeks.Add(await ReadAsync(db, flow.Id, end - window, end, cancellationToken));
        }
        if (weeks.Count == 0)
        {
            return null;
        }
        var baseline = weeks.Average();
        var count = await ReadAsync(db, flow.Id, now - window, now, cancellationToken);
        if (baseline < policy.VolumeMinimumBaseline || count >= policy.VolumeDropRatio * baseline)
        {
            return null;
        }
        return new(IncidentCause.VolumeDrop, $"Far fewer records reach {flow.Name}",
            $"{flow.Name} read {count} records in the last {Span(window)}; the same window on the previous {weeks.Count} weeks read {baseline:0.#} on average "
            + $"(an incident below {policy.VolumeDropRatio:P0} of that).")
        { FlowId = flow.Id };
    }

    private static Task<int> ReadAsync(CrmDbContext db, Guid flowId, DateTime from, DateTime to, CancellationToken cancellationToken) =>
        db.SyncRuns.Where(r => r.FlowId == flowId && !r.DryRun && r.StartedUtc >= from && r.StartedUtc < to).SumAsync(r => r.Read, cancellationToken);

    private static string Span(TimeSpan span) =>
        span.TotalDays >= 2 ? $"{span.TotalDays:0.#} days" : span.TotalHours >= 2 ? $"{span.TotalHours:0.#} hours" : $"{span.TotalMinutes:0} minutes";
}
