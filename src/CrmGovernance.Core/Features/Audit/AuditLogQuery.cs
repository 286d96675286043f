using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// The one place that turns an <see cref="AuditLogFilter"/> into audit rows, for the audit page and the export alike
/// (ADR 0013). Every predicate stays on an index: the time range becomes a sequence range (time never goes backwards
/// along the chain), the actor an exact indexed name, the search a lookup in the FTS5 index.
/// </summary>
public static class AuditLogQuery
{
    /// <summary>
    /// The rows matching <paramref name="filter"/> with <c>Sequence &lt;= upToSequence</c> (when given), untracked and
    /// unordered: order them yourself (by <see cref="AuditEntry.Sequence"/>).
    /// </summary>
    public static async Task<IQueryable<AuditEntry>> ApplyAsync(CrmDbContext db, AuditLogFilter filter, long? upToSequence, CancellationToken ct)
    {
        var selection = await ResolveAsync(db, filter, upToSequence, ct);
        return selection.Apply(db).AsNoTracking();
    }

    /// <summary>
    /// How many rows <see cref="ApplyAsync"/> would return, without scanning where the answer is known otherwise: a bare
    /// time range holds exactly its sequence span (the chain is gapless), a bare search is counted in the FTS5 index alone.
    /// </summary>
    public static async Task<long> CountAsync(CrmDbContext db, AuditLogFilter filter, long? upToSequence, CancellationToken ct)
    {
        var selection = await ResolveAsync(db, filter, upToSequence, ct);
        return await CountAsync(db, selection, ct);
    }

    internal static async Task<long> CountAsync(CrmDbContext db, AuditLogSelection selection, CancellationToken ct) =>
        selection.IsEmpty ? 0
        : selection.IsRangeOnly ? selection.RangeLength
        : selection.IsSearchOnly ? selection.SearchLimit is { } limit
            ? await db.Database.Dialect().AuditSearch.CountNewestMatchesAsync(db, selection.MatchQuery!, selection.First, selection.Last, limit, ct)
            : await db.Database.Dialect().AuditSearch.CountMatchesAsync(db, selection.MatchQuery!, selection.First, selection.Last, ct)
        : await selection.Apply(db, forKeys: true).LongCountAsync(ct);

    /// <summary>
    /// Sequences <paramref name="skip"/> to <paramref name="skip"/> + <paramref name="take"/> of the matches counted from
    /// the newest or the oldest end, in ascending order. Read from indexes only: the FTS5 index for a bare search,
    /// the browse index for a mix of filters, else the one-column index of the filter.
    /// </summary>
    internal static async Task<List<long>> KeysAsync(CrmDbContext db, AuditLogSelection selection, bool newestFirst, long skip, int take, CancellationToken ct)
    {
        if (selection.IsSearchOnly)
        {
            return await db.Database.Dialect().AuditSearch.MatchPageAsync(db, selection.MatchQuery!, selection.First, selection.Last, newestFirst, skip, take, ct);
        }
        var sequences = selection.Apply(db, forKeys: true).Select(e => e.Sequence);
        var ordered = newestFirst ? sequences.OrderByDescending(s => s) : sequences.OrderBy(s => s);
        var keys = await ordered.Skip((int)skip).Take(take).ToListAsync(ct);
        keys.Sort();
        return keys;
    }

    internal static async Task<AuditLogSelection> ResolveAsync(CrmDbContext db, AuditLogFilter filter, long? upToSequence, CancellationToken ct,
        int? searchLimit = null)
    {
        var (first, last) = await SequenceRangeAsync(db, filter, upToSequence, ct);
        var (names, namesOfId, actorId) = await ResolveActorAsync(db, AuditLogSelection.Text(filter.Actor), ct);
        var search = db.Database.Dialect().AuditSearch;
        var selection = new AuditLogSelection(filter, first, last, names, namesOfId, actorId, search.MatchQuery(filter.Search))
        {
            SearchLimit = searchLimit,
        };
        if (!selection.UsesBrowseIndex || selection.IsEmpty)
        {
            return selection;
        }
        // Read after the range is fixed: every row up to Last is already there, so these lists hold all of their values.
        var sources = await search.DistinctValuesAsync(db, nameof(AuditEntry.Source), ct);
        var actions = await search.DistinctValuesAsync(db, nameof(AuditEntry.Action), ct);
        var types = await search.DistinctValuesAsync(db, nameof(AuditEntry.EntityType), ct);
        return selection with { Known = (sources, actions, types) };
    }

    /// <summary>FromUtc inclusive, ToUtc exclusive, mapped to the first and last sequence inside them by two index seeks on TimeUtc.</summary>
    private static async Task<(long First, long Last)> SequenceRangeAsync(CrmDbContext db, AuditLogFilter filter, long? upToSequence, CancellationToken ct)
    {
        var rows = db.AuditEntries.AsNoTracking();
        var first = await rows.OrderBy(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct) ?? 1;
        var last = await rows.OrderByDescending(e => e.Sequence).Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct) ?? 0;
        if (upToSequence is { } upTo)
        {
            last = Math.Min(last, upTo);
        }
        if (filter.FromUtc is { } from)
        {
            var utc = AsUtc(from);
            first = Math.Max(first, await rows.Where(e => e.TimeUtc >= utc).OrderBy(e => e.TimeUtc).ThenBy(e => e.Sequence)
                .Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct) ?? long.MaxValue);
        }
        if (filter.ToUtc is { } to)
        {
            var utc = AsUtc(to);
            last = Math.Min(last, await rows.Where(e => e.TimeUtc < utc).OrderByDescending(e => e.TimeUtc).ThenByDescending(e => e.Sequence)
                .Select(e => (long?)e.Sequence).FirstOrDefaultAsync(ct) ?? 0);
        }
        return (first, last);
    }

    /// <summary>
    /// An actor is matched exactly on the indexed ActorName (ignoring case, resolved against the few distinct names)
    /// or by user id (through the user's name, then checked on ActorId): never a LIKE scan.
    /// </summary>
    private static async Task<(IReadOnlyList<string>? Names, IReadOnlyList<string>? NamesOfId, string? ActorId)> ResolveActorAsync(
        CrmDbContext db, string? actor, CancellationToken ct)
    {
        if (actor is null)
        {
            return (null, null, null);
        }
        var known = await db.Database.Dialect().AuditSearch.DistinctValuesAsync(db, nameof(AuditEntry.ActorName), ct);
        var byName = known.Where(n => string.Equals(n, actor, StringComparison.OrdinalIgnoreCase)).ToList();
        var userNames = await db.Users.AsNoTracking().Where(u => u.Id == actor)
            .Select(u => new[] { u.UserName, u.Email }).FirstOrDefaultAsync(ct) ?? [];
        var byId = known.Where(n => userNames.Contains(n, StringComparer.OrdinalIgnoreCase) && !byName.Contains(n)).ToList();
        return ([.. byName, .. byId], byId, byId.Count > 0 ? actor : null);
    }

    private static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };
}
