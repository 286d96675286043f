using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>Reads runs and their record outcomes for the monitoring pages (admins, business owners, stewards).</summary>
public sealed class SyncRunQueries(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published)
{
    public const int MaxPageSize = 200;

    // Sorts after every character a prefix can be followed by (SQLite compares text as UTF-8 bytes).
    private static readonly string PrefixEnd = char.ConvertFromUtf32(0x10FFFF);

    /// <summary>Runs, newest first (ids grow as runs start).</summary>
    public async Task<PagedResult<SyncRun>> ListAsync(SyncRunFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewRuns);
        (page, pageSize) = Paging(page, pageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.SyncRuns.AsNoTracking();
        if (filter.FlowId is { } flowId)
        {
            query = query.Where(r => r.FlowId == flowId);
        }
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }
        if (filter.DryRun is { } dryRun)
        {
            query = query.Where(r => r.DryRun == dryRun);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(r => r.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<SyncRun>(rows, total);
    }

    public async Task<SyncRun?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewRuns);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.SyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>
    /// The labels people read for the fields of a run's records (the target's catalog of the flow's object, as published
    /// now), by field name; empty when the run or its flow is gone. Record values are shown under these, not under names.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> FieldLabelsAsync(long runId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewRuns);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var flowId = await db.SyncRuns.Where(r => r.Id == runId).Select(r => (Guid?)r.FlowId).FirstOrDefaultAsync(cancellationToken);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var flow = flowId is { } id ? configuration.Flows.Find(f => f.Id == id) : null;
        return flow is null ? new Dictionary<string, string>()
            : configuration.FieldsOf(flow.TargetSystemId, flow.ObjectId).Where(f => !string.IsNullOrWhiteSpace(f.Label))
                .DistinctBy(f => f.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(f => f.Name, f => f.Label, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What happened to each record of a run, in the order the run handled them.</summary>
    public async Task<PagedResult<RecordOutcome>> OutcomesAsync(long runId, RecordOutcomeFilter filter, int page, int pageSize,
        CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewRuns);
        (page, pageSize) = Paging(page, pageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = OutcomeQuery(db, runId, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(o => o.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<RecordOutcome>(rows, total);
    }

    internal static IQueryable<RecordOutcome> OutcomeQuery(CrmDbContext db, long runId, RecordOutcomeFilter filter)
    {
        var query = db.RecordOutcomes.AsNoTracking().Where(o => o.RunId == runId);
        if (filter.Outcome is { } outcome)
        {
            query = query.Where(o => o.Outcome == outcome);
        }
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // The prefix is a range, so the (RunId, SourceId) index answers it (SQLite's LIKE would not use it), and the
            // two searches are a union, not an OR: SQLite would answer an OR from the RunId part of the index alone.
            var from = filter.Search.Trim();
            var to = from + PrefixEnd;
            var run = db.RecordOutcomes.Where(o => o.RunId == runId);
            var matches = run.Where(o => o.SourceId.CompareTo(from) >= 0 && o.SourceId.CompareTo(to) < 0).Select(o => o.Id)
                .Union(run.Where(o => o.TargetId == from).Select(o => o.Id));
            query = query.Where(o => matches.Contains(o.Id));
        }
        return query;
    }

    /// <summary>The active flows of the published configuration, by name, each with its latest run (dry runs included).</summary>
    public async Task<IReadOnlyList<FlowRunOverview>> LatestPerFlowAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewRuns);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var flows = configuration.Flows.Where(f => f.Status == FlowStatus.Active).OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        if (flows.Count == 0)
        {
            return [];
        }
        var flowIds = flows.Select(f => f.Id).ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latestIds = await db.SyncRuns.Where(r => flowIds.Contains(r.FlowId)).GroupBy(r => r.FlowId)
            .Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var latest = await db.SyncRuns.AsNoTracking().Where(r => latestIds.Contains(r.Id)).ToDictionaryAsync(r => r.FlowId, cancellationToken);
        var checks = await db.FlowCursors.AsNoTracking().Where(c => flowIds.Contains(c.FlowId))
            .Select(c => new { c.FlowId, c.LastCheckedUtc, c.EmptyChecks }).ToDictionaryAsync(c => c.FlowId, cancellationToken);
        return flows.Select(f => new FlowRunOverview(f, Route(configuration, f), latest.GetValueOrDefault(f.Id),
            checks.GetValueOrDefault(f.Id)?.LastCheckedUtc, checks.GetValueOrDefault(f.Id)?.EmptyChecks ?? 0)).ToList();
    }

    /// <summary>
    /// A record's outcomes across all runs, newest first: those of the source record with this id, and, when
    /// <paramref name="search"/> is a number, those of the record that arrived as that inbox item (the id the webhook
    /// sender's acknowledgement carries).
    /// </summary>
    public async Task<PagedResult<RecordSearchHit>> FindRecordAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewRuns);
        (page, pageSize) = Paging(page, pageSize);
        var id = (search ?? "").Trim();
        if (id.Length == 0)
        {
            return new PagedResult<RecordSearchHit>([], 0);
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Each search on its own index, as a union (an OR would scan; see OutcomeQuery).
        var ids = db.RecordOutcomes.Where(o => o.SourceId == id).Select(o => o.Id);
        if (long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var inboxId))
        {
            ids = ids.Union(db.RecordOutcomes.Where(o => o.InboxId == inboxId).Select(o => o.Id));
        }
        var query = from o in db.RecordOutcomes.AsNoTracking()
                    where ids.Contains(o.Id)
                    join r in db.SyncRuns on o.RunId equals r.Id
                    select new { o, r.FlowName, r.DryRun };
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(x => x.o.Id).Skip(page * pageSize).Take(pageSize)
            .Select(x => new RecordSearchHit(x.o.RunId, x.FlowName, x.DryRun, x.o.SourceId, x.o.InboxId, x.o.TargetId, x.o.Outcome, x.o.Reason, x.o.AtUtc))
            .ToListAsync(cancellationToken);
        return new PagedResult<RecordSearchHit>(rows, total);
    }

    /// <summary>"Contact: Website → CRM", from the configuration's names.</summary>
    public static string Route(GovernanceConfiguration configuration, DataFlow flow) =>
        $"{configuration.FindObject(flow.ObjectId)?.Name ?? "?"}: {configuration.FindSystem(flow.SourceSystemId)?.Name ?? "?"} → {configuration.FindSystem(flow.TargetSystemId)?.Name ?? "?"}";

    private static (int Page, int PageSize) Paging(int page, int pageSize) => (Math.Max(0, page), Math.Clamp(pageSize, 1, MaxPageSize));
}
