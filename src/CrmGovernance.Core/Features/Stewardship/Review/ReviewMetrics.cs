namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// The review queue for the dashboards: how many pairs wait (and how many are set aside), how long they have waited,
/// how long a decision took over the last 30 days, and who decided what in that time.
/// </summary>
public sealed record ReviewMetrics(
    int Waiting, int Deferred, TimeSpan? OldestWaiting, TimeSpan? MedianWaiting, TimeSpan? MedianTimeToResolve, int ResolvedLast30Days,
    IReadOnlyList<StewardDecisions> DecisionsPerSteward)
{
    public const int WindowDays = 30;
}
