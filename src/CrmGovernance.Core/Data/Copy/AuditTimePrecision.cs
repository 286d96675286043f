using Microsoft.Data.Sqlite;

namespace CrmGovernance.Core.Data.Copy;

/// <summary>
/// The audit chain hashes each row's time to the 100 ns tick; PostgreSQL's timestamps keep microseconds. Rows sealed on
/// SQLite before times were sealed to the microsecond would lose their last digit in a timestamp column and no longer
/// verify, so the copy counts them first and refuses rather than write a chain that is broken on arrival.
/// </summary>
internal static class AuditTimePrecision
{
    public const string Table = "AuditEntries";
    public const string Column = "TimeUtc";

    /// <summary>Audit rows whose time has ticks below the microsecond, when the target's column cannot hold them (else 0).</summary>
    public static async Task<long> LossyRowsAsync(SqliteConnection sqlite, SqliteTransaction read, string? targetUdt, CancellationToken ct)
    {
        if (targetUdt is not ("timestamptz" or "timestamp"))
        {
            return 0;
        }
        await using var command = sqlite.CreateCommand();
        command.Transaction = read;
        // EF Core writes SQLite times as "yyyy-MM-dd HH:mm:ss.FFFFFFF" (trailing zeros dropped): 27 characters exactly
        // when the seventh digit, the one below the microsecond, is not zero.
        command.CommandText = $"SELECT COUNT(*) FROM \"{Table}\" WHERE length(\"{Column}\") >= 27";
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
