using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Reads the audit log for the audit page (Admin and Auditor only), newest first, fast at millions of rows (ADR 0013):
/// a page's keys are found on an index of Sequence alone, then its rows are read by key.
/// </summary>
public sealed class AuditLogService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published)
{
    public const int MaxPageSize = 200;

    /// <summary>
    /// The page searches the newest this many rows holding the words (within the other filters' time range), so a word
    /// that half the log contains still pages in milliseconds (ADR 0013). Exports always search everything.
    /// </summary>
    public const int SearchLimit = 10_000;

    public async Task<PagedResult<AuditEntry>> QueryAsync(AuditLogFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var offset = (long)Math.Max(0, page) * pageSize;

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var selection = await AuditLogQuery.ResolveAsync(db, filter, null, cancellationToken, SearchLimit);
        if (selection.IsEmpty)
        {
            return new PagedResult<AuditEntry>([], 0);
        }

        if (selection.IsRangeOnly)
        {
            // The chain is gapless: the range holds exactly its length in rows, and a page is a sub-range of it.
            var high = selection.Last - offset;
            var low = Math.Max(selection.First, high - pageSize + 1);
            var slice = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= low && e.Sequence <= high)
                .OrderByDescending(e => e.Sequence).ToListAsync(cancellationToken);
            return new PagedResult<AuditEntry>(slice, (int)selection.RangeLength);
        }

        var total = await AuditLogQuery.CountAsync(db, selection, cancellationToken);
        var keys = await PageKeysAsync(db, selection, offset, pageSize, total, cancellationToken);
        var rows = keys.Count == 0 ? [] : await db.AuditEntries.AsNoTracking()
            .Where(e => keys.Contains(e.Sequence)).OrderByDescending(e => e.Sequence).ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(rows, (int)total);
    }

    /// <summary>
    /// A page of <see cref="QueryAsync"/> in business words: each row's action named ("Approved CR-12"), and the ids it
    /// holds (users, change requests, their items, configuration items) shown as names.
    /// </summary>
    public async Task<PagedResult<AuditLogRow>> PageAsync(AuditLogFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var entries = await QueryAsync(filter, page, pageSize, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await AuditNames.ForAsync(db, entries.Items, (await published.CurrentAsync(cancellationToken)).Configuration, cancellationToken);
        var rows = entries.Items.Select(e => new AuditLogRow(e, AuditActionNames.Describe(e, names), names.ChangeRequest(e.ChangeRequestId),
            AuditChangeLine.Of(e, names))).ToList();
        return new PagedResult<AuditLogRow>(rows, entries.Total);
    }

    /// <summary>
    /// True when more than <see cref="SearchLimit"/> rows in the filter's time range hold the searched words, so the page
    /// shows only the newest of them (and says so).
    /// </summary>
    public async Task<bool> SearchExceedsLimitAsync(AuditLogFilter filter, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var selection = await AuditLogQuery.ResolveAsync(db, filter with { Actor = null, EntityType = null, EntityId = null, Action = null, ChangeRequestId = null, Source = null },
            null, cancellationToken);
        return selection is { IsEmpty: false, MatchQuery: { } match }
            && await db.Database.Dialect().AuditSearch.CountNewestMatchesAsync(db, match, selection.First, selection.Last, SearchLimit + 1, cancellationToken) > SearchLimit;
    }

    /// <summary>Distinct entity types in the log (one index seek each).</summary>
    public Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default) =>
        DistinctAsync(nameof(AuditEntry.EntityType), cancellationToken);

    /// <summary>Distinct actor names in the log, for the actor filter's autocomplete.</summary>
    public Task<IReadOnlyList<string>> ActorsAsync(CancellationToken cancellationToken = default) =>
        DistinctAsync(nameof(AuditEntry.ActorName), cancellationToken);

    /// <summary>Distinct sources (ui, api, worker, …) in the log.</summary>
    public Task<IReadOnlyList<string>> SourcesAsync(CancellationToken cancellationToken = default) =>
        DistinctAsync(nameof(AuditEntry.Source), cancellationToken);

    /// <summary>Change requests whose number ("12", "CR-12") or title matches <paramref name="text"/>, newest first.</summary>
    public async Task<IReadOnlyList<ChangeRequestChoice>> ChangeRequestChoicesAsync(string? text, int max, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var requests = db.ChangeRequests.AsNoTracking();
        if (AuditLogSelection.Text(text) is { } words)
        {
            var number = ChangeRequest.TryParseLabel(words, out var n) ? n : -1;
            // Case is ignored on both engines (SQLite's LIKE ignores it, PostgreSQL's does not: both sides upper-cased);
            // the user's % and _ are escaped. A few thousand requests at most: a scan is fine.
            var pattern = "%" + db.Database.Dialect().Upper(words).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            #pragma warning disable CA1304, CA1311 // Translated to SQL's upper(), run by the database, not in .NET.
            requests = requests.Where(r => r.Number == number || EF.Functions.Like(r.Title.ToUpper(), pattern, "\\"));
            #pragma warning restore CA1304, CA1311
        }
        var rows = await requests.OrderByDescending(r => r.Number).Take(Math.Clamp(max, 1, 100))
            .Select(r => new { r.Id, r.Number, r.Title }).ToListAsync(cancellationToken);
        return rows.Select(r => new ChangeRequestChoice(r.Id, ChangeRequest.LabelOf(r.Number), r.Title)).ToList();
    }

    /// <summary>"CR-12" labels of the given change requests (unknown ids are left out), for the grid's column.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ChangeRequestLabelsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.ChangeRequests.AsNoTracking().Where(r => wanted.Contains(r.Id))
            .Select(r => new { r.Id, r.Number }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => ChangeRequest.LabelOf(r.Number));
    }

    /// <summary>
    /// Steps over <paramref name="offset"/> keys on an index (never over whole rows), from whichever end is nearer,
    /// and returns the page's keys.
    /// </summary>
    private static async Task<List<long>> PageKeysAsync(CrmDbContext db, AuditLogSelection selection, long offset, int pageSize, long total, CancellationToken ct)
    {
        if (offset >= total)
        {
            return [];
        }
        // A capped search holds the newest matches only: its oldest end is not the index's, so count from the newest
        // (at most SearchLimit keys to step over).
        if (offset <= total / 2 || selection is { IsSearchOnly: true, SearchLimit: not null })
        {
            return await AuditLogQuery.KeysAsync(db, selection, newestFirst: true, offset, pageSize, ct);
        }
        var fromOldest = total - offset - pageSize;
        var take = (int)Math.Min(pageSize, total - offset);
        return await AuditLogQuery.KeysAsync(db, selection, newestFirst: false, Math.Max(0, fromOldest), take, ct);
    }

    private async Task<IReadOnlyList<string>> DistinctAsync(string column, CancellationToken cancellationToken)
    {
        EnsureMayRead();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.Dialect().AuditSearch.DistinctValuesAsync(db, column, cancellationToken);
    }

    private void EnsureMayRead() => actor.Ensure(Capability.ReadAudit);
}
