using CrmGovernance.Core.Features.Audit;

namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// Reads of the audit log that LINQ cannot express well (ADR 0013): the full-text index over the rows' values, a
/// covering index forced for mixed filters, and distinct values of an indexed column without reading every row.
/// </summary>
public interface IAuditSearchQueries
{
    /// <summary>Turns what a user typed into a safe query for the full-text index; null when the text holds no word.</summary>
    string? MatchQuery(string? text);

    /// <summary>Sequences of the audit rows whose values match <paramref name="matchQuery"/>, within a sequence range.</summary>
    IQueryable<long> Matches(CrmDbContext db, string matchQuery, long first, long last);

    /// <summary>The newest <paramref name="limit"/> matches only (the audit page's search window).</summary>
    IQueryable<long> NewestMatches(CrmDbContext db, string matchQuery, long first, long last, int limit);

    /// <summary>How many rows match, counting at most <paramref name="limit"/> (the newest ones).</summary>
    Task<long> CountNewestMatchesAsync(CrmDbContext db, string matchQuery, long first, long last, int limit, CancellationToken ct);

    /// <summary>How many audit rows in the sequence range match, counted in the full-text index alone.</summary>
    Task<long> CountMatchesAsync(CrmDbContext db, string matchQuery, long first, long last, CancellationToken ct);

    /// <summary>One page of matching sequences counted from the newest or the oldest end, in ascending order.</summary>
    Task<List<long>> MatchPageAsync(CrmDbContext db, string matchQuery, long first, long last, bool newestFirst, long skip, int take, CancellationToken ct);

    /// <summary>Audit rows read through the covering index IX_AuditEntries_Browse (Source, Action, EntityType, ActorName).</summary>
    IQueryable<AuditEntry> BrowseRows(CrmDbContext db);

    /// <summary>The distinct values of an indexed audit column (ActorName, EntityType, Source, Action), in order.</summary>
    Task<List<string>> DistinctValuesAsync(CrmDbContext db, string column, CancellationToken ct);
}
