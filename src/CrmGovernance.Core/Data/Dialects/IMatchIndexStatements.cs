namespace CrmGovernance.Core.Data.Dialects;

/// <summary>The stored match index's writes (Features/Matching/Store/MatchIndexSql), inside a caller's transaction.</summary>
public interface IMatchIndexStatements
{
    /// <summary>Adds or replaces a record's values; a row whose values did not change is left alone (its update time stays).</summary>
    SqlStatement Upsert { get; }

    /// <summary>Marks a record removed, keeping the row as a tombstone.</summary>
    SqlStatement Remove { get; }

    SqlStatement SaveCursor { get; }
}
