namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>An hour-precise period, <see cref="FromUtc"/> included, <see cref="ToUtc"/> excluded: the buckets are hourly, so whole hours only.</summary>
public sealed record DrillWindow(DateTime FromUtc, DateTime ToUtc)
{
    public string? Problem()
    {
        if (FromUtc.Kind != DateTimeKind.Utc || ToUtc.Kind != DateTimeKind.Utc)
        {
            return "A drill-down window is given in UTC.";
        }
        if (ToUtc <= FromUtc)
        {
            return "The window ends before it starts.";
        }
        if (FromUtc.Ticks % TimeSpan.TicksPerHour != 0 || ToUtc.Ticks % TimeSpan.TicksPerHour != 0)
        {
            return "A window starts and ends on the hour (UTC): the figures are kept by the hour.";
        }
        return (ToUtc - FromUtc).TotalDays > Dashboard.InsightsFilter.MaxDays ? $"A window can cover at most {Dashboard.InsightsFilter.MaxDays} days." : null;
    }
}
