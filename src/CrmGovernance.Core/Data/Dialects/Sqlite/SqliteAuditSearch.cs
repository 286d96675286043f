using System.Globalization;
using System.Text;
using CrmGovernance.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Data.Dialects.Sqlite;

/// <summary>
/// SQLite's reads of the audit log (ADR 0013): the FTS5 index <c>AuditSearch</c> over the rows' values, and
/// distinct values of an indexed column by skipping through its index instead of reading every row.
/// </summary>
internal sealed class SqliteAuditSearch : IAuditSearchQueries
{
    private const int MaxTokens = 12;
    private const int MaxTokenLength = 64;

    // Columns whose distinct values may be listed; each leads an index of AuditEntries (fixed names, never user text).
    private static readonly HashSet<string> s_indexedColumns =
        [nameof(AuditEntry.ActorName), nameof(AuditEntry.EntityType), nameof(AuditEntry.Source), nameof(AuditEntry.Action)];

    /// <summary>
    /// Turns what a user typed into a safe FTS5 query: the words (letters and digits only, so no FTS5 syntax survives),
    /// as one quoted phrase whose last word is a prefix: <c>anna  BERG</c> becomes <c>"anna berg"*</c>.
    /// Null when the text holds no word.
    /// </summary>
    public string? MatchQuery(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (IsTokenRune(rune))
            {
                current.Append(rune.ToString());
                continue;
            }
            Flush();
        }
        Flush();
        return tokens.Count == 0 ? null : "\"" + string.Join(' ', tokens.Take(MaxTokens)) + "\"*";

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString(0, Math.Min(current.Length, MaxTokenLength)));
                current.Clear();
            }
        }
    }

    /// <summary>Sequences of the audit rows whose values match <paramref name="matchQuery"/> (from <see cref="MatchQuery"/>), within a sequence range.</summary>
    public IQueryable<long> Matches(CrmDbContext db, string matchQuery, long first, long last) =>
        db.Database.SqlQuery<long>(
            $"SELECT rowid AS \"Value\" FROM AuditSearch WHERE AuditSearch MATCH {matchQuery} AND rowid BETWEEN {first} AND {last}");

    /// <summary>
    /// The newest <paramref name="limit"/> matches only (the audit page's search window): a word half the log holds
    /// would otherwise make SQLite list hundreds of thousands of matches for every page.
    /// </summary>
    public IQueryable<long> NewestMatches(CrmDbContext db, string matchQuery, long first, long last, int limit) =>
        db.Database.SqlQuery<long>(
            $"SELECT rowid AS \"Value\" FROM AuditSearch WHERE AuditSearch MATCH {matchQuery} AND rowid BETWEEN {first} AND {last} ORDER BY rowid DESC LIMIT {limit}");

    /// <summary>How many rows match, counting at most <paramref name="limit"/> (the newest ones).</summary>
    public Task<long> CountNewestMatchesAsync(CrmDbContext db, string matchQuery, long first, long last, int limit, CancellationToken ct) =>
        db.Database.SqlQuery<long>(
            $"SELECT count(*) AS \"Value\" FROM (SELECT rowid FROM AuditSearch WHERE AuditSearch MATCH {matchQuery} AND rowid BETWEEN {first} AND {last} ORDER BY rowid DESC LIMIT {limit})")
            .SingleAsync(ct);

    /// <summary>How many audit rows in the sequence range match, counted in the FTS5 index alone.</summary>
    public Task<long> CountMatchesAsync(CrmDbContext db, string matchQuery, long first, long last, CancellationToken ct) =>
        db.Database.SqlQuery<long>(
            $"SELECT count(*) AS \"Value\" FROM AuditSearch WHERE AuditSearch MATCH {matchQuery} AND rowid BETWEEN {first} AND {last}")
            .SingleAsync(ct);

    /// <summary>
    /// One page of matching sequences, ordered inside the FTS5 query: FTS5 walks its index in rowid order either way,
    /// whereas an ORDER BY composed on top (which EF casts) would sort every match first.
    /// </summary>
    public async Task<List<long>> MatchPageAsync(CrmDbContext db, string matchQuery, long first, long last, bool newestFirst,
        long skip, int take, CancellationToken ct)
    {
        var keys = newestFirst
            ? await db.Database.SqlQuery<long>(
                $"SELECT rowid AS \"Value\" FROM AuditSearch WHERE AuditSearch MATCH {matchQuery} AND rowid BETWEEN {first} AND {last} ORDER BY rowid DESC LIMIT {take} OFFSET {skip}").ToListAsync(ct)
            : await db.Database.SqlQuery<long>(
                $"SELECT rowid AS \"Value\" FROM AuditSearch WHERE AuditSearch MATCH {matchQuery} AND rowid BETWEEN {first} AND {last} ORDER BY rowid ASC LIMIT {take} OFFSET {skip}").ToListAsync(ct);
        keys.Sort();
        return keys;
    }

    /// <summary>
    /// Audit rows read through the covering index <c>IX_AuditEntries_Browse</c> (Source, Action, EntityType, ActorName).
    /// The caller constrains every column up to the last one it filters on (with all known values where it does not
    /// filter), so any mix of those filters is a few index seeks; left to itself the planner would take a one-column
    /// index and look up every candidate row in the table (a second or more at a million rows).
    /// </summary>
    public IQueryable<AuditEntry> BrowseRows(CrmDbContext db) =>
        db.AuditEntries.FromSql($"SELECT * FROM AuditEntries INDEXED BY IX_AuditEntries_Browse");

    /// <summary>
    /// The distinct values of an indexed audit column, in order: one index seek per value (a "loose index scan"),
    /// so it costs the same at a thousand rows as at a million.
    /// </summary>
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
                SELECT (SELECT MIN({column}) FROM AuditEntries)
                UNION ALL
                SELECT (SELECT MIN({column}) FROM AuditEntries WHERE {column} > v.x) FROM v WHERE v.x IS NOT NULL)
            SELECT x AS "Value" FROM v WHERE x IS NOT NULL
            """);
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(ct);
#pragma warning restore EF1002
    }

    // unicode61 keeps letters, digits and private-use characters in tokens; combining marks stay with their letter.
    private static bool IsTokenRune(Rune rune) =>
        Rune.IsLetterOrDigit(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
}
