using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Insights.Sources;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;
using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>
/// From a number to the runs behind it (with what each added, read from its kept contribution) and from there to the
/// records counted, with the dashboard's filters and scope.
/// </summary>
public sealed class InsightsDrill(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, ActorContext actor)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<DrillRuns> RunsAsync(DrillQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var (metric, runs) = await CountedRunsAsync(query, cancellationToken);
        if (metric.Source != DrillSource.Runs)
        {
            throw new ArgumentException("This figure comes from " + metric.Source switch
            {
                DrillSource.ReviewQueue => "the review queue",
                DrillSource.ErrorQueue => "the error queue",
                DrillSource.Scans => "duplicate scans",
                _ => "incidents",
            } + ", not from runs.");
        }
        var items = runs.Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 500)).ToList();
        return new DrillRuns(items, runs.Count, runs.Sum(r => r.Counted), metric.Of is null ? null : runs.Sum(r => r.Of ?? 0));
    }

    /// <summary>The records counted, newest first: of one of the runs (<paramref name="runId"/>) or of all of them.</summary>
    public async Task<PagedResult<DrillRecord>> RecordsAsync(DrillQuery query, long? runId, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var (metric, runs) = await CountedRunsAsync(query, cancellationToken);
        if (!metric.HasRecords)
        {
            throw new ArgumentException("This figure counts runs, not records: open a run to see its records.");
        }
        var ids = runs.Where(r => runId is null || r.RunId == runId).Select(r => r.RunId).ToList();
        var names = runs.ToDictionary(r => r.RunId, r => r.FlowName);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var outcomes = Kinds(metric);
        var candidates = db.RecordOutcomes.AsNoTracking().Where(o => ids.Contains(o.RunId) && outcomes.Contains(o.Outcome));
        if (metric.Card == InsightCards.DuplicatesPrevented)
        {
            candidates = candidates.Where(o => o.Match == "Key" || o.Match == "Fuzzy");
        }
        if (metric.LeadsOnly)
        {
            candidates = candidates.Where(o => o.SourceCreatedUtc != null);
        }
        if (metric.Card == InsightCards.Completeness)
        {
            candidates = candidates.Where(o => o.AfterJson != null);
        }
        var ordered = candidates.OrderByDescending(o => o.Id);
        if (query.Reason is { } reason && metric.Card == InsightCards.Rejections)
        {
            // Reasons are grouped without the records' values, which SQL cannot do: the rejected records are few, filtered here.
            var all = await ordered.Select(o => new { o.Id, o.Reason }).ToListAsync(cancellationToken);
            var matching = all.Where(o => RejectionReasons.Key(o.Reason) == reason).Select(o => o.Id).ToList();
            var pageIds = matching.Skip(page * pageSize).Take(pageSize).ToList();
            var rows = await db.RecordOutcomes.AsNoTracking().Where(o => pageIds.Contains(o.Id)).OrderByDescending(o => o.Id).ToListAsync(cancellationToken);
            return new PagedResult<DrillRecord>(rows.Select(o => Row(o, names, metric)).ToList(), matching.Count);
        }
        var total = await ordered.CountAsync(cancellationToken);
        var list = await ordered.Skip(Math.Max(0, page) * pageSize).Take(Math.Clamp(pageSize, 1, 500)).ToListAsync(cancellationToken);
        return new PagedResult<DrillRecord>(list.Select(o => Row(o, names, metric)).ToList(), total);
    }

    private static OutcomeKind[] Kinds(DrillMetric metric) =>
        Enum.GetValues<OutcomeKind>().Where(k => metric.Counts!(k, metric.Card == InsightCards.DuplicatesPrevented ? "Key" : null)).ToArray();

    private static DrillRecord Row(RecordOutcome o, Dictionary<long, string> names, DrillMetric metric) =>
        new(o.Id, o.RunId, names.GetValueOrDefault(o.RunId, ""), o.SourceId, o.TargetId, o.Outcome.ToString(), o.Reason, o.AtUtc,
            metric.LeadsOnly && o.SourceCreatedUtc is { } created ? Math.Max(0, (o.AtUtc - created).TotalSeconds) : null);

    /// <summary>
    /// The units behind a figure that runs do not make (review items, steward decisions, error-queue items, scans, incidents),
    /// newest first, one page of them, with totals over all of them that are the card's figure for the same filters.
    /// </summary>
    public async Task<DrillItems> ItemsAsync(DrillQuery query, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var (metric, configuration, scope) = await PrepareAsync(query, cancellationToken);
        if (metric.Source == DrillSource.Runs)
        {
            throw new ArgumentException("This figure is made by runs: list the runs behind it.");
        }
        var f = query.Filter;
        var subjects = new DrillSubjects(query.FromUtc, query.ToUtc, f.ObjectId, f.FlowId, f.SystemId, scope, configuration, query.Flows?.Ids);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = query.Card switch
        {
            InsightCards.ReviewPerThousand => await QueueDrill.ReviewEnteredAsync(db, subjects, page, pageSize, cancellationToken),
            InsightCards.StewardTime => await QueueDrill.DecisionsAsync(db, subjects, page, pageSize, cancellationToken),
            InsightCards.ErrorsPerThousand => await QueueDrill.ErrorsEnteredAsync(db, subjects, page, pageSize, cancellationToken),
            DrillFigures.ManualPerThousand => await QueueDrill.ManualAsync(db, subjects, page, pageSize, cancellationToken),
            InsightCards.DuplicateRate => await QueueDrill.ScansAsync(db, subjects, page, pageSize, cancellationToken),
            _ => await IncidentDrill.ListAsync(db, query.Card, subjects, page, pageSize, cancellationToken),
        };
        if (metric.Of == M.Processed)
        {
            // The denominator is the records the runs processed, as the card reads it from the buckets.
            // A window split at an hour is read from the hourly buckets, as the version comparison reads it.
            var size = query.Window is null ? BucketReader.SizeFor(f) : BucketSize.Hour;
            var sums = await BucketReader.SumBySubjectAsync(db, size, query.FromUtc, query.ToUtc, f.ObjectId, f.FlowId, f.SystemId, scope, query.Flows?.Ids, cancellationToken);
            items = items with { Processed = BucketReader.Sum(sums)[M.Processed] };
        }
        return items;
    }

    private async Task<(DrillMetric, GovernanceConfiguration, InsightsScope)> PrepareAsync(DrillQuery query, CancellationToken ct)
    {
        actor.Ensure(Capability.ViewInsights);
        var metric = DrillMetric.For(query.Card);
        if (query.Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }
        var configuration = (await published.CurrentAsync(ct)).Configuration;
        var scope = InsightsScope.For(actor, configuration);
        scope.Check(configuration, query.Filter.ObjectId, query.Filter.FlowId);
        foreach (var flow in query.Flows?.Ids ?? [])
        {
            scope.Check(configuration, null, flow);
        }
        return (metric, configuration, scope);
    }

    /// <summary>The runs in the filter that added to the figure, newest first, with what each added.</summary>
    private async Task<(DrillMetric, List<DrillRun>)> CountedRunsAsync(DrillQuery query, CancellationToken ct)
    {
        var (metric, configuration, scope) = await PrepareAsync(query, ct);
        var filter = query.Filter;
        if (metric.Source != DrillSource.Runs)
        {
            return (metric, []);
        }
        var flows = Flows(configuration, filter, query.Flows, scope);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (from, to) = (query.FromUtc, query.ToUtc);
        var runs = db.SyncRuns.AsNoTracking().Where(r => !r.DryRun && r.Status != SyncRunStatus.Running && r.StartedUtc >= from && r.StartedUtc < to);
        if (flows is not null)
        {
            runs = runs.Where(r => flows.Contains(r.FlowId));
        }
        var found = await runs.OrderByDescending(r => r.Id).Select(r => new { r.Id, r.FlowId, r.FlowName, r.StartedUtc, r.Status }).ToListAsync(ct);
        var keys = found.Select(r => RunContribution.KeyOf(r.Id)).ToList();
        var kept = await db.Set<MetricContribution>().AsNoTracking().Where(c => keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, c => c.ItemsJson, StringComparer.Ordinal, ct);
        var list = new List<DrillRun>();
        foreach (var run in found)
        {
            var items = kept.TryGetValue(RunContribution.KeyOf(run.Id), out var json) ? JsonSerializer.Deserialize<List<ContributionItem>>(json, Json) ?? [] : [];
            var counted = items.Where(i => metric.Counted.Contains(i.Metric) && (query.Reason is null || metric.Card != InsightCards.Rejections)).Sum(i => i.Value);
            if (query.Reason is { } reason && metric.Card == InsightCards.Rejections)
            {
                counted = items.Where(i => i.Metric == M.RejectionReason && i.Dimension == reason).Sum(i => i.Value);
            }
            double? of = metric.Of is { } denominator ? items.Where(i => i.Metric == denominator).Sum(i => i.Value) : null;
            if (counted > 0 || of > 0)
            {
                list.Add(new DrillRun(run.Id, run.FlowId, run.FlowName, run.StartedUtc, run.Status.ToString(), counted, of));
            }
        }
        return (metric, list);
    }

    /// <summary>The flows the filter, the set and the scope allow; null for every flow.</summary>
    private static List<Guid>? Flows(GovernanceConfiguration configuration, InsightsFilter filter, DrillFlows? set, InsightsScope scope)
    {
        if (filter.FlowId is null && filter.ObjectId is null && filter.SystemId is null && scope.Everything)
        {
            // A set is taken as named (a version's flows may since have been removed), as the comparison's buckets are read.
            return set?.Ids.ToList();
        }
        return configuration.Flows.Where(f => (filter.FlowId is null || f.Id == filter.FlowId) && (set is null || set.Ids.Contains(f.Id))
                && (filter.ObjectId is null || f.ObjectId == filter.ObjectId)
                && (filter.SystemId is null || f.SourceSystemId == filter.SystemId || f.TargetSystemId == filter.SystemId) && scope.Includes(f.ObjectId))
            .Select(f => f.Id).ToList();
    }
}
