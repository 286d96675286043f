namespace CrmGovernance.Core.Data.Dialects;

/// <summary>
/// What a sync run records per batch, in the run recorder's transaction (Features/Sync/Engine/BatchSql): each record's
/// outcome, new crosswalk links, the flow's cursor (while the run holds the lease) and the run's counters.
/// </summary>
public interface ISyncBatchStatements
{
    /// <summary>@run, @source, @target, @outcome, @reason, @before, @after, @score, @at, @inbox, @created, @match.</summary>
    SqlStatement InsertOutcome { get; }

    /// <summary>A link that already exists (same source record, object and target system) is left as it is.</summary>
    SqlStatement InsertLink { get; }

    /// <summary>Moves the cursor and renews the lease only while <c>@holder</c> holds it: one row changed, or none.</summary>
    SqlStatement MoveCursor { get; }

    SqlStatement UpdateRun { get; }
}
