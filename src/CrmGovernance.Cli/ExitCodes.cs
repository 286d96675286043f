namespace CrmGovernance.Cli;

/// <summary>The process exit codes, the same for every command (scripts and schedulers branch on them).</summary>
internal static class ExitCodes
{
    public const int Succeeded = 0;
    public const int CompletedWithErrors = 1;
    public const int Usage = 2;
    public const int FlowBusy = 3;
    public const int RunDidNotFinish = 4;
    public const int ConfigurationOrDatabase = 5;
    public const int ChainBroken = 6;
    public const int TargetNotEmpty = 7;
    public const int CopyNotVerified = 8;
    public const int TargetUnreachable = 9;

    /// <summary>What <c>--help</c> prints under "Exit codes:".</summary>
    public static readonly IReadOnlyList<(int Code, string Meaning)> Meanings =
    [
        (Succeeded, "succeeded"),
        (CompletedWithErrors, "the run completed, but some records were rejected or failed: they wait in the error queue"),
        (Usage, "usage error: unknown command, option, flow or match field, or an input file that does not fit (the message lists what is allowed)"),
        (FlowBusy, "the flow is running elsewhere (the portal or another crmgov); try again when that run has finished"),
        (RunDidNotFinish, "the run ended aborted, system unavailable, failed or interrupted (Ctrl+C), or was cancelled before it started"),
        (ConfigurationOrDatabase, "configuration or database problem (settings, database file, schema, flow not active, a file that cannot be read or written, unexpected error)"),
        (ChainBroken, "the audit log was tampered with: its keyed hash chain does not verify, disagrees with a witness checkpoint, or its append-only triggers are gone (audit verify; audit export still writes the file, with BROKEN on its cover)"),
        (TargetNotEmpty, "db copy: the target database already holds portal data; nothing was changed (--overwrite-target empties it first)"),
        (CopyNotVerified, "db copy: the copy does not verify (a table's row count differs, or the audit chain does not verify on the target)"),
        (TargetUnreachable, "db copy: the target PostgreSQL server cannot be reached or refused the sign-in (host, port, database, user, password)"),
    ];
}
