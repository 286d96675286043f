using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// The incident figures of a period (incidents opened in it). Counts are computed by the database; the durations are
/// read as two timestamps per incident (no other column), capped at <see cref="MaxDurations"/> of the newest, and
/// ranked in memory.
/// </summary>
public sealed class IncidentMetrics(IDbContextFactory<CrmDbContext> contexts, ActorContext actor)
{
    public const int MaxDurations = 100_000;

    public async Task<IncidentFigures> FiguresAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewIncidents);
        if (toUtc < fromUtc)
        {
            (fromUtc, toUtc) = (toUtc, fromUtc);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var all = db.Set<Incident>().AsNoTracking();
        var period = all.Where(i => i.OpenedUtc >= fromUtc && i.OpenedUtc < toUtc);
        var byCause = await period.GroupBy(i => i.Cause).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var bySeverity = await period.GroupBy(i => i.Severity).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var ackBreaches = await period.CountAsync(i => i.AcknowledgeBreached, cancellationToken);
        var resolveBreaches = await period.CountAsync(i => i.ResolveBreached, cancellationToken);
        var ended = await period.CountAsync(i => i.Ending != null, cancellationToken);
        var expired = await period.CountAsync(i => i.Ending == IncidentEnding.Expired, cancellationToken);
        var acknowledge = await period.Where(i => i.AcknowledgedUtc != null).OrderByDescending(i => i.Id).Take(MaxDurations)
            .Select(i => new { i.OpenedUtc, At = i.AcknowledgedUtc!.Value }).ToListAsync(cancellationToken);
        var resolve = await period.Where(i => i.ResolvedUtc != null).OrderByDescending(i => i.Id).Take(MaxDurations)
            .Select(i => new { i.OpenedUtc, At = i.ResolvedUtc!.Value }).ToListAsync(cancellationToken);
        var gaps = await all.CountAsync(i => (i.State == IncidentState.Open || i.State == IncidentState.Acknowledged) && i.OwnershipGap, cancellationToken);
        var ackHours = acknowledge.Select(a => (a.At - a.OpenedUtc).TotalHours).ToList();
        var resolveHours = resolve.Select(a => (a.At - a.OpenedUtc).TotalHours).ToList();
        return new IncidentFigures(fromUtc, toUtc, byCause.Sum(c => c.Count),
            byCause.ToDictionary(c => c.Key, c => c.Count), bySeverity.ToDictionary(c => c.Key, c => c.Count),
            Mean(ackHours), Percentile90(ackHours), Mean(resolveHours), Percentile90(resolveHours),
            ackBreaches, resolveBreaches, ended, expired, gaps);
    }

    private static double? Mean(List<double> values) => values.Count == 0 ? null : values.Average();

    /// <summary>Nearest rank: the smallest value with at least 90% of the values at or below it.</summary>
    public static double? Percentile90(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return null;
        }
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(0.9 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
