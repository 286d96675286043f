using CrmGovernance.Core.Features.Sync.Runs;

namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>One flow's health and the reasons, in words, for the Flows page's chip and its tooltip.</summary>
public sealed record FlowHealthRow(Guid FlowId, FlowHealthLevel Level, IReadOnlyList<string> Reasons, int ActiveIncidents, SyncRunStatus? LastRunStatus)
{
    /// <summary>
    /// The worst of: active incidents (critical or high: failing; medium or low: warning), the last real run (failed,
    /// aborted, system unavailable: failing; completed with errors, interrupted: warning), and clocks past due (failing:
    /// a problem nobody answered in time).
    /// </summary>
    public static FlowHealthRow Judge(Guid flowId, IncidentClockStatus incidents, SyncRunStatus? lastRun)
    {
        var reasons = new List<(FlowHealthLevel Level, string Text)>();
        if (incidents.WorstSeverity is { } severity)
        {
            var level = severity is IncidentSeverity.Critical or IncidentSeverity.High ? FlowHealthLevel.Failing : FlowHealthLevel.Warning;
            reasons.Add((level, $"{incidents.Active} active incident{(incidents.Active == 1 ? "" : "s")}, the worst {severity.ToString().ToLowerInvariant()}"));
        }
        if (incidents.Breached > 0)
        {
            reasons.Add((FlowHealthLevel.Failing, $"{incidents.Breached} incident{(incidents.Breached == 1 ? "" : "s")} past {(incidents.Breached == 1 ? "its" : "their")} clock"));
        }
        switch (lastRun)
        {
            case SyncRunStatus.Failed or SyncRunStatus.Aborted or SyncRunStatus.SystemUnavailable:
                reasons.Add((FlowHealthLevel.Failing, $"last run: {Words(lastRun.Value)}"));
                break;
            case SyncRunStatus.CompletedWithErrors or SyncRunStatus.Interrupted:
                reasons.Add((FlowHealthLevel.Warning, $"last run: {Words(lastRun.Value)}"));
                break;
        }
        var worst = reasons.Select(r => r.Level).DefaultIfEmpty(FlowHealthLevel.Healthy).Max();
        var texts = reasons.OrderByDescending(r => r.Level).Select(r => r.Text).ToList();
        if (texts.Count == 0)
        {
            texts.Add(lastRun is null ? "no active incidents; no run yet" : $"no active incidents; last run: {Words(lastRun.Value)}");
        }
        return new FlowHealthRow(flowId, worst, texts, incidents.Active, lastRun);
    }

    private static string Words(SyncRunStatus status) => status switch
    {
        SyncRunStatus.CompletedWithErrors => "completed with errors",
        SyncRunStatus.SystemUnavailable => "system unavailable",
        _ => status.ToString().ToLowerInvariant(),
    };
}
