using System.Globalization;
using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Cli;

/// <summary>The lines printed when a run ends, and the exit code its status gives.</summary>
internal static class RunReport
{
    public static int Print(SyncRun run, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        var seconds = run.DurationSeconds ?? 0;
        output.WriteLine(string.Create(c, $"Run {run.Id} of \"{run.FlowName}\"{(run.DryRun ? " (dry run)" : "")}, configuration version {run.ConfigurationVersion}: {Describe(run.Status)}"));
        output.WriteLine(string.Create(c,
            $"  {run.Read:N0} read: {run.Created:N0} created, {run.Updated:N0} updated, {run.Unchanged:N0} unchanged, {run.Appended:N0} appended, {run.Queued:N0} queued for review, {run.Rejected:N0} rejected, {run.Failed:N0} failed"));
        output.WriteLine(string.Create(c, $"  {seconds:N1} s, {(seconds > 0 ? run.Processed / seconds : 0):N0} records/s"));
        if (!string.IsNullOrWhiteSpace(run.Message))
        {
            output.WriteLine("  " + run.Message);
        }
        return ExitCode(run.Status);
    }

    public static int ExitCode(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Succeeded => ExitCodes.Succeeded,
        SyncRunStatus.CompletedWithErrors => ExitCodes.CompletedWithErrors,
        _ => ExitCodes.RunDidNotFinish,
    };

    private static string Describe(SyncRunStatus status) => status switch
    {
        SyncRunStatus.CompletedWithErrors => "completed with errors (rejected or failed records wait in the error queue)",
        SyncRunStatus.SystemUnavailable => "system unavailable",
        _ => status.ToString().ToLowerInvariant(),
    };
}
