using System.Globalization;
using System.Text;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data.Dialects.Postgres;

/// <summary>
/// PostgreSQL's reads of the audit log (ADR 0013, 0019): the table <c>AuditSearch</c> (a <c>tsvector</c> per audit row,
/// fed by a trigger, with a GIN index) answers the same queries as SQLite's FTS5 index: the typed words as one phrase
/// whose last word is a prefix, matched without regard to case or accents, words split at every character that is not a
/// letter or digit on both sides.
/// </summary>
internal sealed class PostgresAuditSearch : IAuditSearchQueries
{
    private const int MaxTokens = 12;
    private const int MaxTokenLength = 64;

    private static readonly HashSet<string> s_indexedColumns =
        [nameof(AuditEntry.ActorName), nameof(AuditEntry.EntityType), nameof(AuditEntry.Source), nameof(AuditEntry.Action)];

    /// <summary>
    /// The words as a <c>tsquery</c> in its text form: <c>anna  BERG</c> becomes <c>anna &lt;-&gt; berg:*</c>. Words keep
    /// letters and digits only (no tsquery syntax survives), lower-cased and without accents, as the index stores them.
    /// </summary>
    public string? MatchQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormD).EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                continue;
            }
            if (Rune.IsLetterOrDigit(rune))
            {
                current.Append(Rune.ToLowerInvariant(rune).ToString());
                continue;
            }
            Flush();
        }
        Flush();
        return tokens.Count == 0 ? null : string.Join(" <-> ", tokens.Take(MaxTokens)) + ":*";

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString(0, Math.Min(current.Length, MaxTokenLength)).Normalize(NormalizationForm.FormC));
                current.Clear();
            }
        }
    }

    public IQueryable<long> Matches(CrmDbContext db, string matchQuery, long first, long last) =>
        db.Database.SqlQuery<long>($"""
            SELECT "Sequence" AS "Value" FROM "AuditSearch"
            WHERE "Body" @@ to_tsquery('simple', {matchQuery}) AND "Sequence" BETWEEN {first} AND {last}
            """);

    public IQueryable<long> NewestMatches(CrmDbContext db, string matchQuery, long first, long last, int limit) =>
        db.Database.SqlQuery<long>($"""
            SELECT "Sequence" AS "Value" FROM "AuditSearch"
            WHERE "Body" @@ to_tsquery('simple', {matchQuery}) AND "Sequence" BETWEEN {first} AND {last}
            ORDER BY "Sequence" DESC LIMIT {limit}
            """);

    public Task<long> CountNewestMatchesAsync(CrmDbContext db, string matchQuery, long first, long last, int limit, CancellationToken ct) =>
        db.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM (SELECT "Sequence" FROM "AuditSearch"
            WHERE "Body" @@ to_tsquery('simple', {matchQuery}) AND "Sequence" BETWEEN {first} AND {last}
            ORDER BY "Sequence" DESC LIMIT {limit}) AS newest
            """).SingleAsync(ct);

    public Task<long> CountMatchesAsync(CrmDbContext db, string matchQuery, long first, long last, CancellationToken ct) =>
        db.Database.SqlQuery<long>($"""
            SELECT count(*) AS "Value" FROM "AuditSearch"
            WHERE "Body" @@ to_tsquery('simple', {matchQuery}) AND "Sequence" BETWEEN {first} AND {last}
            """).SingleAsync(ct);

    public async Task<List<long>> MatchPageAsync(CrmDbContext db, string matchQuery, long first, long last, bool newestFirst,
        long skip, int take, CancellationToken ct)
    {
        var keys = newestFirst
            ? await db.Database.SqlQuery<long>($"""
                SELECT "Sequence" AS "Value" FROM "AuditSearch"
                WHERE "Body" @@ to_tsquery('simple', {matchQuery}) AND "Sequence" BETWEEN {first} AND {last}
                ORDER BY "Sequence" DESC LIMIT {take} OFFSET {skip}
                """).ToListAsync(ct)
            : await db.Database.SqlQuery<long>($"""
                SELECT "Sequence" AS "Value" FROM "AuditSearch"
                WHERE "Body" @@ to_tsquery('simple', {matchQuery}) AND "Sequence" BETWEEN {first} AND {last}
                ORDER BY "Sequence" ASC LIMIT {take} OFFSET {skip}
                """).ToListAsync(ct);
        keys.Sort();
        return keys;
    }

    // PostgreSQL's planner picks IX_AuditEntries_Browse for mixed filters by itself (an index-only scan); there is no hint to give.
    public IQueryable<AuditEntry> BrowseRows(CrmDbContext db) => db.AuditEntries;

    /// <summary>The distinct values of an indexed column by one index seek per value (a "loose index scan").</summary>
    public async Task<List<string>> DistinctValuesAsync(CrmDbContext db, string column, CancellationToken ct)
    {
        if (!s_indexedColumns.Contains(column))
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, "Not an indexed audit column.");
        }
        // The column name comes from the fixed list above, so building the text is safe.
#pragma warning disable EF1002
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            WITH RECURSIVE v(x) AS (
                SELECT (SELECT MIN("{column}") FROM "AuditEntries")
                UNION ALL
                SELECT (SELECT MIN("{column}") FROM "AuditEntries" WHERE "{column}" > v.x) FROM v WHERE v.x IS NOT NULL)
            SELECT x AS "Value" FROM v WHERE x IS NOT NULL
            """);
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);
#pragma warning restore EF1002
    }
}
