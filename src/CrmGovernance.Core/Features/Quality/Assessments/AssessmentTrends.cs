using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// Assessments over time: the trend of one system's object (scores, fields, and the versions published in between), and
/// the latest assessment of given systems' objects (before a flow is built, in a change request, on the dashboard).
/// </summary>
public sealed class AssessmentTrends(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published)
{
    public const int MaxPoints = 12;

    /// <summary>The trend, empty when there is none or the caller does not answer for that system's object (as for one assessment).</summary>
    public async Task<AssessmentTrend> TrendAsync(Guid systemId, Guid objectId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDataQuality);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        if (!AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration).Includes(systemId, objectId))
        {
            return AssessmentTrend.Empty;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var runs = (await db.Assessments.AsNoTracking()
                .Where(a => a.SystemId == systemId && a.ObjectId == objectId && a.Status == AssessmentStatus.Completed)
                .OrderByDescending(a => a.Id).Take(MaxPoints).ToListAsync(cancellationToken))
            .Where(a => a.FinishedUtc is not null).OrderBy(a => a.FinishedUtc).ThenBy(a => a.Id).ToList();
        if (runs.Count == 0)
        {
            return AssessmentTrend.Empty;
        }
        var (first, last) = (runs.Min(a => a.ConfigurationVersion), runs.Max(a => a.ConfigurationVersion));
        // Who published and the change request's title are the configuration's history: only for those who may read it.
        var detail = actor.Holds(Capability.ReadConfiguration);
        var versions = await (from v in db.ConfigurationVersions.AsNoTracking()
                              where v.Number > first && v.Number <= last
                              join r in db.ChangeRequests.AsNoTracking() on v.ChangeRequestId equals (Guid?)r.Id into requests
                              from r in requests.DefaultIfEmpty()
                              orderby v.Number
                              select new { v.Number, v.PublishedUtc, v.PublishedByName, Request = (int?)r.Number, Title = r.Title })
            .ToListAsync(cancellationToken);
        var points = runs.Select((a, i) => new TrendPoint(a.Id, a.FinishedUtc!.Value, a.ConfigurationVersion, a.RecordsRead, a.Scores,
            i == 0 ? [] : [.. versions.Where(v => v.Number > runs[i - 1].ConfigurationVersion && v.Number <= a.ConfigurationVersion)
                .Select(v => detail
                    ? new VersionMark(v.Number, v.PublishedUtc, v.PublishedByName, v.Request is { } n ? ChangeRequest.LabelOf(n) : null, v.Title)
                    : new VersionMark(v.Number, v.PublishedUtc, "", null, null))])).ToList();
        var ids = runs.Select(a => a.Id).ToList();
        var figures = await db.AssessmentFields.AsNoTracking().Where(f => ids.Contains(f.AssessmentId))
            .Select(f => new { f.AssessmentId, f.Field, f.Filled, f.Checked, f.Invalid }).ToListAsync(cancellationToken);
        var fields = figures.GroupBy(f => f.Field, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var byRun = g.GroupBy(f => f.AssessmentId).ToDictionary(x => x.Key, x => x.First());
                return new FieldTrend(g.Key,
                    [.. runs.Select(a => byRun.TryGetValue(a.Id, out var f) && a.RecordsRead > 0 ? (double)f.Filled / a.RecordsRead : (double?)null)],
                    [.. runs.Select(a => byRun.TryGetValue(a.Id, out var f) && f.Checked > 0 ? (double)f.Invalid / f.Checked : (double?)null)]);
            }).ToList();
        return new AssessmentTrend(points, fields);
    }

    /// <summary>
    /// The latest completed assessment of each system's object given (those the caller answers for; the others are left
    /// out), whether one is running, and whether the caller may start one.
    /// </summary>
    public async Task<IReadOnlyList<LatestAssessment>> LatestAsync(IReadOnlyCollection<(Guid SystemId, Guid ObjectId)> pairs, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDataQuality);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var view = AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration);
        var run = AssessmentScope.Of(actor, Capability.RunAssessments, configuration);
        var wanted = pairs.Distinct().Where(p => view.Includes(p.SystemId, p.ObjectId)).ToList();
        if (wanted.Count == 0)
        {
            return [];
        }
        var systems = wanted.Select(p => p.SystemId).Distinct().ToList();
        var objects = wanted.Select(p => p.ObjectId).Distinct().ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var of = db.Assessments.AsNoTracking().Where(a => systems.Contains(a.SystemId) && objects.Contains(a.ObjectId));
        var latestIds = await of.Where(a => a.Status == AssessmentStatus.Completed).GroupBy(a => new { a.SystemId, a.ObjectId })
            .Select(g => g.Max(a => a.Id)).ToListAsync(cancellationToken);
        var completed = await db.Assessments.AsNoTracking().Where(a => latestIds.Contains(a.Id)).ToListAsync(cancellationToken);
        var active = await of.Where(a => a.Status == AssessmentStatus.Queued || a.Status == AssessmentStatus.Running)
            .Select(a => new { a.SystemId, a.ObjectId }).ToListAsync(cancellationToken);
        return [.. wanted.Select(p =>
        {
            var latest = completed.Find(a => a.SystemId == p.SystemId && a.ObjectId == p.ObjectId);
            var running = active.Exists(a => a.SystemId == p.SystemId && a.ObjectId == p.ObjectId);
            var (plan, problem) = AssessmentPlan.For(configuration, p.SystemId, p.ObjectId);
            return new LatestAssessment(p.SystemId, configuration.FindSystem(p.SystemId)?.Name ?? "(not published yet)", p.ObjectId,
                configuration.FindObject(p.ObjectId)?.Name ?? "(not published yet)", latest, running,
                plan is not null && actor.Holds(Capability.RunAssessments) && run.Includes(p.SystemId, p.ObjectId), problem);
        })];
    }

    /// <summary>The latest completed assessment of every system's object the caller answers for (the dashboard's card).</summary>
    public async Task<IReadOnlyList<LatestAssessment>> OverviewAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDataQuality);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pairs = await db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Completed)
            .Select(a => new { a.SystemId, a.ObjectId }).Distinct().ToListAsync(cancellationToken);
        return (await LatestAsync([.. pairs.Select(p => (p.SystemId, p.ObjectId))], cancellationToken))
            .OrderBy(l => l.ObjectName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.SystemName, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
