using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// An <see cref="AuditLogFilter"/> resolved against the database: the time range as a sequence range
/// [<see cref="First"/>, <see cref="Last"/>], the actor as indexed names, the search as an FTS5 query, and (for a mix of
/// filters) the values each column of the browse index holds.
/// </summary>
internal sealed record AuditLogSelection(AuditLogFilter Filter, long First, long Last, IReadOnlyList<string>? ActorNames,
    IReadOnlyList<string>? ActorNamesOfId, string? ActorId, string? MatchQuery)
{
    /// <summary>Distinct Source, Action and EntityType values up to <see cref="Last"/>; set when <see cref="UsesBrowseIndex"/>.</summary>
    public (IReadOnlyList<string> Sources, IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes)? Known { get; init; }

    /// <summary>The audit page searches only the newest this many matches of the words; null (exports): all of them.</summary>
    public int? SearchLimit { get; init; }

    /// <summary>No row can match (an empty range, or an actor nobody is).</summary>
    public bool IsEmpty => First > Last || ActorNames is { Count: 0 };

    /// <summary>Only the sequence range restricts rows; the chain is gapless, so counting and paging need no scan.</summary>
    public bool IsRangeOnly => ActorNames is null && MatchQuery is null && !HasColumnFilters;

    /// <summary>Only the range and the search restrict rows: the FTS5 index alone answers count and paging.</summary>
    public bool IsSearchOnly => ActorNames is null && MatchQuery is not null && !HasColumnFilters;

    /// <summary>
    /// Two or more of source, action, entity type and actor, without the narrow entity id or change request (whose own
    /// indexes find few rows): read keys from the covering browse index.
    /// </summary>
    public bool UsesBrowseIndex =>
        Text(Filter.EntityId) is null && Filter.ChangeRequestId is null &&
        new[] { Text(Filter.Source), Text(Filter.Action), Text(Filter.EntityType), ActorNames is null ? null : "" }.Count(v => v is not null) >= 2;

    public long RangeLength => IsEmpty ? 0 : Last - First + 1;

    private bool HasColumnFilters =>
        Text(Filter.EntityType) is not null || Text(Filter.EntityId) is not null || Text(Filter.Action) is not null ||
        Text(Filter.Source) is not null || Filter.ChangeRequestId is not null;

    /// <summary>The audit rows of this selection (unordered), through the browse index when <paramref name="forKeys"/> and it helps.</summary>
    public IQueryable<AuditEntry> Apply(CrmDbContext db, bool forKeys = false)
    {
        var (first, last) = (First, Last);
        var browse = forKeys && UsesBrowseIndex && Known is not null;
        var rows = (browse ? db.Database.Dialect().AuditSearch.BrowseRows(db) : db.AuditEntries.AsQueryable()).Where(e => e.Sequence >= first && e.Sequence <= last);
        if (browse)
        {
            rows = ConstrainBrowsePrefix(rows, Known!.Value);
        }
        if (Text(Filter.EntityType) is { } type)
        {
            rows = rows.Where(e => e.EntityType == type);
        }
        if (Text(Filter.EntityId) is { } id)
        {
            rows = rows.Where(e => e.EntityId == id);
        }
        if (Text(Filter.Action) is { } action)
        {
            rows = rows.Where(e => e.Action == action);
        }
        if (Text(Filter.Source) is { } source)
        {
            rows = rows.Where(e => e.Source == source);
        }
        if (Filter.ChangeRequestId is { } changeRequest)
        {
            rows = rows.Where(e => e.ChangeRequestId == changeRequest);
        }
        if (ActorNames is { } names)
        {
            rows = ActorNamesOfId is { Count: > 0 } ofId && ActorId is { } actorId
                ? rows.Where(e => names.Contains(e.ActorName) && (!ofId.Contains(e.ActorName) || e.ActorId == actorId))
                : rows.Where(e => names.Contains(e.ActorName));
        }
        if (MatchQuery is { } match)
        {
            var hits = SearchLimit is { } limit
                ? db.Database.Dialect().AuditSearch.NewestMatches(db, match, first, last, limit)
                : db.Database.Dialect().AuditSearch.Matches(db, match, first, last);
            rows = rows.Where(e => hits.Contains(e.Sequence));
        }
        return rows;
    }

    // Every browse-index column before the last filtered one gets "IN (all its values)", so the index is searched,
    // not scanned (SQLite's own skip-scan needs ANALYZE statistics).
    private IQueryable<AuditEntry> ConstrainBrowsePrefix(IQueryable<AuditEntry> rows,
        (IReadOnlyList<string> Sources, IReadOnlyList<string> Actions, IReadOnlyList<string> EntityTypes) known)
    {
        var filtered = new[] { Text(Filter.Source) is not null, Text(Filter.Action) is not null, Text(Filter.EntityType) is not null, ActorNames is not null };
        var lastFiltered = Array.LastIndexOf(filtered, true);
        if (!filtered[0])
        {
            var sources = known.Sources;
            rows = rows.Where(e => sources.Contains(e.Source));
        }
        if (!filtered[1] && lastFiltered > 1)
        {
            var actions = known.Actions;
            rows = rows.Where(e => actions.Contains(e.Action));
        }
        if (!filtered[2] && lastFiltered > 2)
        {
            var types = known.EntityTypes;
            rows = rows.Where(e => types.Contains(e.EntityType));
        }
        return rows;
    }

    internal static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
