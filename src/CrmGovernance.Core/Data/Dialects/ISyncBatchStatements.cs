namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// What a sync run records per batch, in the run recorder's transaction (Features/Sync/Engine/BatchSql): each record's
/// outcome, new crosswalk links, the flow's cursor (while the run holds the lease) and the run's counters.
/// </summary>
public interface ISyncBatchStatements
{
    /// <summary>@run, @source, @target, @outcome, @reason, @before, @after, @score, @at, @inbox, @created, @match.</summary>
    SqlStatement InsertOutcome { get; }

    /// <summary>
    /// The outcomes as one stream, columns in <see cref="InsertOutcome"/>'s order, where the engine has one (PostgreSQL's
    /// COPY: a run records a row per record, and a statement per row was where a server-side run waited). Null: the rows
    /// go through <see cref="InsertOutcome"/> (SQLite, in-process, has no round trip to save).
    /// </summary>
    IRowCopy? CopyOutcomes { get; }

    /// <summary>A link that already exists (same source record, object and target system) is left as it is.</summary>
    SqlStatement InsertLink { get; }

    /// <summary>Moves the cursor and renews the lease only while <c>@holder</c> holds it: one row changed, or none.</summary>
    SqlStatement MoveCursor { get; }

    SqlStatement UpdateRun { get; }

    /// <summary>
    /// @sourceSystem, @object, @targetSystem, @ids (the batch's source ids, an array): each id's link as (SourceId, TargetId,
    /// ByMatchRule), one unique-index probe per id whatever the table's statistics say. Null where the engine plans the
    /// LINQ lookup (<c>SourceId IN (…)</c>) by that index anyway (SQLite).
    /// </summary>
    SqlStatement? FindLinks { get; }
}
