namespace CrmGovernance.Core.Features.Insights.Dashboard;

/// <summary>
/// What the dashboard shows: a period of whole UTC days (<see cref="From"/> to <see cref="To"/>, both included), narrowed
/// to an object, a flow and/or a system, compared with a baseline period (chosen here, else the one named for the object
/// or flow, else the period just before).
/// </summary>
public sealed record InsightsFilter(DateOnly From, DateOnly To, Guid? ObjectId = null, Guid? FlowId = null, Guid? SystemId = null,
    DateOnly? BaselineFrom = null, DateOnly? BaselineTo = null)
{
    /// <summary>The longest period one view may cover (the hourly buckets of a short period, the daily ones beyond).</summary>
    public const int MaxDays = 732;

    public static InsightsFilter LastDays(DateOnly today, int days) => new(today.AddDays(1 - days), today);

    public int Days => To.DayNumber - From.DayNumber + 1;

    public DateTime FromUtc => From.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The end, excluded: midnight after <see cref="To"/>.</summary>
    public DateTime ToUtc => To.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>A clear message for a period that cannot be shown; null when it can.</summary>
    public string? Problem()
    {
        if (To < From)
        {
            return "The period ends before it starts.";
        }
        if (Days > MaxDays)
        {
            return $"A period can cover at most {MaxDays} days.";
        }
        if (BaselineFrom is { } bf && BaselineTo is { } bt && (bt < bf || bt.DayNumber - bf.DayNumber + 1 > MaxDays))
        {
            return "The baseline period must end after it starts and cover at most " + MaxDays + " days.";
        }
        return (BaselineFrom is null) != (BaselineTo is null) ? "A baseline period needs both a start and an end." : null;
    }
}
