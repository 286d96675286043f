using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>Incident policies: one default at most, one per flow at most, and every threshold and clock in a range that means something.</summary>
public static class IncidentPolicyValidator
{
    public static IEnumerable<ValidationIssue> Validate(GovernanceConfiguration c)
    {
        var issues = new List<ValidationIssue>();
        foreach (var group in c.IncidentPolicies.GroupBy(p => p.FlowId).Where(g => g.Count() > 1))
        {
            issues.Add(Issue(group.Last(), group.Key is null
                ? "There are two default incident policies; keep one."
                : $"The flow {c.FindFlow(group.Key.Value)?.Name ?? "?"} has two incident policies; keep one."));
        }
        foreach (var p in c.IncidentPolicies)
        {
            Check(c, p, issues);
        }
        return issues;
    }

    private static void Check(GovernanceConfiguration c, IncidentPolicy p, List<ValidationIssue> issues)
    {
        if (p.FlowId is { } flowId && c.FindFlow(flowId) is null)
        {
            issues.Add(Issue(p, "The incident policy belongs to a flow that does not exist."));
        }
        Range(issues, p, p.ErrorQueueThreshold, 1, 1_000_000, "The error-queue threshold");
        Range(issues, p, p.RejectionRateThreshold, 0.01, 1, "The rejection-rate threshold");
        Range(issues, p, p.RejectionMinimumRecords, 1, 1_000_000, "The minimum records for a rejection rate");
        Range(issues, p, p.SilentAfterIntervals, 1, 1000, "The number of schedule intervals before a flow counts as silent");
        Range(issues, p, p.VolumeWindowMinutes, 5, 7 * 24 * 60, "The volume window (minutes)");
        Range(issues, p, p.VolumeBaselineWeeks, 1, 12, "The number of baseline weeks");
        Range(issues, p, p.VolumeDropRatio, 0.01, 0.99, "The volume drop ratio");
        Range(issues, p, p.VolumeMinimumBaseline, 1, 10_000_000, "The minimum baseline volume");
        Range(issues, p, p.ReviewSlaHours, 1, 24 * 90, "The review SLA (hours)");
        Range(issues, p, p.DuplicateSpikePoints, 0.1, 100, "The duplicate spike (percentage points)");
        Range(issues, p, p.ChangeLinkMinutes, 0, 7 * 24 * 60, "The change link window (minutes)");
        Range(issues, p, p.ReopenWindowHours, 0, 24 * 90, "The reopen window (hours)");
        Range(issues, p, p.ExpireAfterDays, 1, 365, "The expiry (days)");
        Clocks(issues, p, p.AcknowledgeMinutes, 1, 7 * 24 * 60, "minutes to acknowledge");
        Clocks(issues, p, p.ResolveHours, 1, 24 * 90, "hours to resolve");
    }

    private static void Clocks(List<ValidationIssue> issues, IncidentPolicy p, List<int> values, int min, int max, string what)
    {
        if (values.Count != 4)
        {
            issues.Add(Issue(p, $"The {what} need four values: critical, high, medium, low."));
            return;
        }
        if (values.Any(v => v < min || v > max))
        {
            issues.Add(Issue(p, $"The {what} must each be between {min} and {max}."));
        }
    }

    private static void Range(List<ValidationIssue> issues, IncidentPolicy p, double value, double min, double max, string what)
    {
        if (double.IsNaN(value) || value < min || value > max)
        {
            issues.Add(Issue(p, $"{what} must be between {min} and {max}."));
        }
    }

    private static ValidationIssue Issue(IncidentPolicy p, string message) => new(ConfigurationItemKind.IncidentPolicy, p.Id, message);
}
