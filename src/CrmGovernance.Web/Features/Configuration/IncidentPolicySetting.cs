using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Web.Features.Configuration;

/// <summary>One threshold of an incident policy as the editor and the summary show it: label, unit, help, and how to read and set it.</summary>
public sealed record IncidentPolicySetting(string Key, string Label, string Unit, string Help, bool Whole,
    Func<IncidentPolicy, double> Get, Func<IncidentPolicy, double, IncidentPolicy> Set)
{
    /// <summary>In the order the editor lists them; the labels match the change request diff's.</summary>
    public static readonly IReadOnlyList<IncidentPolicySetting> All =
    [
        new("error-queue", "Error queue threshold", "waiting items", "A flow's error queue holding at least this many items is an incident.", true,
            p => p.ErrorQueueThreshold, (p, v) => p with { ErrorQueueThreshold = Round(v) }),
        new("rejection-rate", "Rejection rate threshold", "share of records read, 0–1", "A run rejecting or failing at least this share of what it read is an incident (0.2 = 20 %).", false,
            p => p.RejectionRateThreshold, (p, v) => p with { RejectionRateThreshold = v }),
        new("rejection-minimum", "Rejection rate counts from", "records read", "…when the run read at least this many records: 1 rejected out of 3 is not a trend.", true,
            p => p.RejectionMinimumRecords, (p, v) => p with { RejectionMinimumRecords = Round(v) }),
        new("silent", "Silent after", "schedule intervals", "A scheduled flow with no successful run that read records in this many intervals is silent.", true,
            p => p.SilentAfterIntervals, (p, v) => p with { SilentAfterIntervals = Round(v) }),
        new("volume-window", "Volume window", "minutes", "The window a flow's volume is counted over, compared with the same window in earlier weeks.", true,
            p => p.VolumeWindowMinutes, (p, v) => p with { VolumeWindowMinutes = Round(v) }),
        new("volume-weeks", "Volume baseline", "weeks", "How many earlier weeks make the baseline.", true,
            p => p.VolumeBaselineWeeks, (p, v) => p with { VolumeBaselineWeeks = Round(v) }),
        new("volume-drop", "Volume drop below", "share of baseline, 0–1", "Volume below this share of the baseline is a drop (0.25 = a quarter).", false,
            p => p.VolumeDropRatio, (p, v) => p with { VolumeDropRatio = v }),
        new("volume-minimum", "Volume drop counts from", "baseline records", "…when the baseline expects at least this many records in the window.", true,
            p => p.VolumeMinimumBaseline, (p, v) => p with { VolumeMinimumBaseline = Round(v) }),
        new("review-sla", "Review items overdue after", "hours", "Review-queue items waiting longer than this are overdue.", true,
            p => p.ReviewSlaHours, (p, v) => p with { ReviewSlaHours = Round(v) }),
        new("duplicate-spike", "Duplicate spike", "percentage points", "A scan's duplicate rate this many points above the previous scan of the same data is a spike.", false,
            p => p.DuplicateSpikePoints, (p, v) => p with { DuplicateSpikePoints = v }),
        new("change-link", "Link to a publish within", "minutes", "An incident beginning this soon after a publish that touched its flow names that change.", true,
            p => p.ChangeLinkMinutes, (p, v) => p with { ChangeLinkMinutes = Round(v) }),
        new("reopen", "Reopen window", "hours", "The cause recurring within this time after the end reopens the incident instead of opening another.", true,
            p => p.ReopenWindowHours, (p, v) => p with { ReopenWindowHours = Round(v) }),
        new("expire", "Expire unattended after", "days", "An incident nobody attends to for this long expires, counted as neglect.", true,
            p => p.ExpireAfterDays, (p, v) => p with { ExpireAfterDays = Round(v) }),
    ];

    /// <summary>The SLA clocks' severities, in the order of <see cref="IncidentPolicy.AcknowledgeMinutes"/> and <see cref="IncidentPolicy.ResolveHours"/>.</summary>
    public static readonly IReadOnlyList<string> Severities = ["Critical", "High", "Medium", "Low"];

    public string Text(IncidentPolicy policy) =>
        Get(policy).ToString(Whole ? "N0" : "0.###", System.Globalization.CultureInfo.CurrentCulture) + " " + Unit.Split(',')[0];

    private static int Round(double value) => (int)Math.Clamp(Math.Round(value), int.MinValue, int.MaxValue);
}
