using System.Diagnostics;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Hosting.Telemetry;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// What a run tells <see cref="CrmTelemetry"/>: a <c>sync.run</c> span and the runs counter and duration, a
/// <c>sync.batch</c> span with its phases' times, and the records per outcome once a batch is committed. Labels are the
/// flow's name, statuses and outcomes: never a run's or a record's id (the run id is an attribute of its span only).
/// </summary>
internal static class RunTelemetry
{
    public const string ReadPhase = "read";
    public const string ProcessPhase = "process";
    public const string RecordPhase = "record";
    public const string NothingNew = "NothingNew";

    private static readonly int Outcomes = Enum.GetValues<OutcomeKind>().Length;
    private static readonly string[] OutcomeNames = Enum.GetNames<OutcomeKind>();

    public static Activity? StartRun(RunContext context)
    {
        var activity = CrmTelemetry.Source.StartActivity("sync.run");
        activity?.SetTag("crmgov.flow", context.Plan.Flow.Name)
            .SetTag("crmgov.trigger", context.Run.Trigger.ToString())
            .SetTag("crmgov.dry_run", context.Run.DryRun)
            .SetTag("crmgov.replay", context.Replay is not null);
        return activity;
    }

    /// <summary>After the run's end is recorded; a poll that kept no run (it found nothing) counts as NothingNew.</summary>
    public static void Finished(Activity? activity, SyncRun run, SyncRunStatus status, long started)
    {
        var label = run.Id == 0 ? NothingNew : status.ToString();
        var flow = new KeyValuePair<string, object?>("flow", run.FlowName);
        var ended = new KeyValuePair<string, object?>("status", label);
        // A TagList, not four loose tags: those would compile to an inline array the architecture test cannot place.
        CrmTelemetry.SyncRuns.Add(1, new TagList { flow, ended, { "trigger", run.Trigger.ToString() }, { "dry_run", run.DryRun } });
        CrmTelemetry.SyncRunDuration.Record(CrmTelemetry.SecondsSince(started), flow, ended);
        if (activity is null)
        {
            return;
        }
        activity.SetTag("crmgov.run_id", run.Id).SetTag("crmgov.status", label).SetTag("crmgov.read", run.Read)
            .SetTag("crmgov.rejected", run.Rejected).SetTag("crmgov.failed", run.Failed);
        if (status is SyncRunStatus.Failed or SyncRunStatus.Aborted or SyncRunStatus.SystemUnavailable)
        {
            activity.SetStatus(ActivityStatusCode.Error, run.Message);
        }
    }

    public static Activity? StartBatch() => CrmTelemetry.Source.StartActivity("sync.batch");

    /// <summary>Records the time since <paramref name="started"/> as the phase's and returns now, where the next phase starts.</summary>
    public static long Phase(string flow, string phase, long started)
    {
        var now = Stopwatch.GetTimestamp();
        CrmTelemetry.SyncBatchDuration.Record(Stopwatch.GetElapsedTime(started, now).TotalSeconds, new("flow", flow), new("phase", phase));
        return now;
    }

    /// <summary>A committed batch's records per outcome (not for dry runs: nothing was written).</summary>
    public static void Recorded(SyncRun run, BatchResult batch)
    {
        if (run.DryRun || !CrmTelemetry.SyncRecords.Enabled)
        {
            return;
        }
        Span<int> counts = stackalloc int[Outcomes];
        foreach (var record in batch.Records)
        {
            counts[(int)record.Outcome]++;
        }
        for (var outcome = 0; outcome < Outcomes; outcome++)
        {
            if (counts[outcome] > 0)
            {
                CrmTelemetry.SyncRecords.Add(counts[outcome], new("flow", run.FlowName), new("outcome", OutcomeNames[outcome]));
            }
        }
        Activity.Current?.SetTag("crmgov.records", batch.Records.Count);
    }
}
