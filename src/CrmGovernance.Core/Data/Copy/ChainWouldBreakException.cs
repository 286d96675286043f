namespace CrmGovernance.Core.Data.Copy;

/// <summary>The copy was refused before writing anything: the target cannot hold the audit rows' times to the tick their hashes cover.</summary>
public sealed class ChainWouldBreakException(long rows)
    : Exception($"{rows:N0} audit rows were sealed with times to the 100 ns tick, and the target's AuditEntries.TimeUtc keeps microseconds: "
        + "copied, their hashes would no longer verify. Nothing was written. Such a chain cannot move to this schema without losing its proof; "
        + "keep the installation on SQLite and report this (the PostgreSQL schema must store those times to the tick).")
{
    public long Rows { get; } = rows;
}
