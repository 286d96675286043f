namespace CrmGovernance.Core.Features.Insights.Rollups;

/// <summary>One figure a source unit adds to the hour (and the day) of <see cref="AtUtc"/>.</summary>
public sealed record ContributionItem(string Metric, Guid FlowId, Guid ObjectId, Guid SystemId, Guid TargetSystemId, string Dimension, DateTime AtUtc, double Value)
{
    public static DateTime HourOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);

    public static DateTime DayOf(DateTime utc) => new(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc);
}
