using System.Globalization;
using CrmGovernance.Core.Features.Incidents;
using MudBlazor;

namespace CrmGovernance.Web.Features.Incidents;

/// <summary>How incidents read on the pages: severity colours, states with their ending, clocks in words.</summary>
public static class IncidentFormat
{
    public static Color ColorOf(IncidentSeverity severity) => severity switch
    {
        IncidentSeverity.Critical => Color.Error,
        IncidentSeverity.High => Color.Warning,
        IncidentSeverity.Medium => Color.Info,
        _ => Color.Default,
    };

    public static string Describe(IncidentState state, IncidentEnding? ending) => (state, ending) switch
    {
        (IncidentState.Open, _) => "open",
        (IncidentState.Acknowledged, _) => "acknowledged",
        (_, IncidentEnding.Recovered) => "recovered",
        (_, IncidentEnding.Expired) => "expired (unattended)",
        (IncidentState.Resolved, _) => "resolved",
        _ => "closed",
    };

    public static string Describe(IncidentCause cause) => cause switch
    {
        IncidentCause.RunFailed => "Run failed",
        IncidentCause.SystemUnavailable => "System unavailable",
        IncidentCause.ErrorQueueGrowing => "Error queue growing",
        IncidentCause.RejectionRate => "Rejection rate",
        IncidentCause.NothingSucceeded => "Nothing succeeded",
        IncidentCause.ReviewOverdue => "Review overdue",
        IncidentCause.DuplicateSpike => "Duplicate spike",
        IncidentCause.AuditChainBroken => "Audit chain broken",
        IncidentCause.SilentFlow => "Silent flow",
        IncidentCause.VolumeDrop => "Volume drop",
        IncidentCause.Reported => "Reported by a person",
        IncidentCause.CanaryDrift => "Drift after a change",
        IncidentCause.ScenarioRegression => "Scenarios failing",
        _ => cause.ToString(),
    };

    public static string Describe(ResolutionCategory category) => category switch
    {
        ResolutionCategory.SourceData => "Source data",
        ResolutionCategory.TargetSystem => "Target system",
        ResolutionCategory.FalseAlarm => "False alarm",
        _ => category.ToString(),
    };

    /// <summary>"acknowledge due in 12 min", "resolve breached 2 h ago", or "" once the clock no longer runs.</summary>
    public static (string Text, bool Breached) Clock(IncidentRow row, DateTime nowUtc)
    {
        if (row.State is not (IncidentState.Open or IncidentState.Acknowledged))
        {
            return ("", false);
        }
        var (what, due, flagged) = row.State == IncidentState.Open
            ? ("acknowledge", row.AcknowledgeDueUtc, row.AcknowledgeBreached)
            : ("resolve", row.ResolveDueUtc, row.ResolveBreached);
        var left = due - nowUtc;
        return left > TimeSpan.Zero && !flagged
            ? ($"{what} due in {Span(left)}", false)
            : ($"{what} breached {Span(-left)} ago", true);
    }

    public static string Span(TimeSpan span)
    {
        span = span.Duration();
        return span.TotalMinutes < 1 ? "under a minute"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min"
            : span.TotalDays < 2 ? $"{span.TotalHours.ToString("0.#", CultureInfo.CurrentCulture)} h"
            : $"{(int)span.TotalDays} days";
    }

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.#", CultureInfo.CurrentCulture) + " h" : "–";

    public static string Owner(string owner, bool gap) => gap || owner.Length == 0 ? "No owner — ownership gap" : owner;
}
