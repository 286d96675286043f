using System.Globalization;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using CrmGovernance.Core.Features.Sync.Runs;
using MudBlazor;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>How the operations pages write numbers, durations and states: thousands separators, short units, one colour per state.</summary>
public static class OperationsFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.CurrentCulture);

    public static string Rate(double? perSecond) =>
        perSecond is not { } rate ? "–" : rate.ToString(rate < 10 ? "N1" : "N0", CultureInfo.CurrentCulture) + "/s";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "–",
        { TotalSeconds: < 60 } d => string.Create(CultureInfo.CurrentCulture, $"{d.TotalSeconds:N1} s"),
        { TotalHours: < 1 } d => string.Create(CultureInfo.CurrentCulture, $"{(int)d.TotalMinutes} min {d.Seconds:00} s"),
        { } d => string.Create(CultureInfo.CurrentCulture, $"{(int)d.TotalHours:N0} h {d.Minutes:00} min"),
    };

    public static string Duration(SyncRun run, DateTime now) => Duration((run.FinishedUtc ?? now) - run.StartedUtc);

    /// <summary>Mean time from a lead's creation in the source to its creation in the target, over the run's created records.</summary>
    public static string LeadResponse(SyncRun run) =>
        run.LeadResponseCount == 0 ? "–" : Duration(TimeSpan.FromMilliseconds((double)run.LeadResponseMillisecondsTotal / run.LeadResponseCount));

    /// <summary>Why a run lists no record: only a run that read its source to the end may say the source had nothing new.</summary>
    public static string NoRecords(SyncRun run) => run.Status switch
    {
        SyncRunStatus.Running => "No record is done yet.",
        SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors when run.Trigger == SyncTrigger.Replay => "This replay handled no records.",
        SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors => "This run handled no records: the source had nothing new.",
        SyncRunStatus.Interrupted => "This run handled no records: it was stopped before it recorded any. The next run reads them.",
        _ => $"This run handled no records: it stopped ({Describe(run.Status).ToLowerInvariant()}) before it recorded any; the message above says why. The next run reads them.",
    };

    /// <summary>"3 polls found nothing new since": the polls that keep no run of their own.</summary>
    public static string EmptyChecks(int count) =>
        $"{Count(count)} {(count == 1 ? "poll" : "polls")} since the last run found nothing new";

    public static string Describe(SyncRunStatus status) => status switch
    {
        SyncRunStatus.CompletedWithErrors => "Completed with errors",
        SyncRunStatus.SystemUnavailable => "System unavailable",
        _ => status.ToString(),
    };

    public static Color ColorOf(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Running => Color.Info,
        SyncRunStatus.Succeeded => Color.Success,
        SyncRunStatus.CompletedWithErrors => Color.Warning,
        _ => Color.Error,
    };

    public static Color ColorOf(OutcomeKind outcome) => outcome switch
    {
        OutcomeKind.Created or OutcomeKind.Updated or OutcomeKind.Appended => Color.Success,
        OutcomeKind.Unchanged => Color.Default,
        OutcomeKind.Queued => Color.Info,
        OutcomeKind.Rejected => Color.Warning,
        _ => Color.Error,
    };

    public static Color ColorOf(ErrorKind kind) => kind switch
    {
        ErrorKind.Failed => Color.Error,
        ErrorKind.Inbound => Color.Secondary,
        ErrorKind.Rejected => Color.Warning,
        _ => Color.Info,
    };
}
