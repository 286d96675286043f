namespace CrmGovernance.Core.Features.FirstRun.History;

/// <summary>
/// When the demo's generated past happened, counted back from the first start: ten weeks of history, the go-live six weeks
/// ago (a weekday morning), the baseline the four weeks before it. History stops a few minutes before the start, where the
/// live demo takes over.
/// </summary>
public sealed record DemoHistoryTimeline(DateTime StartUtc, DateTime GoLiveUtc, DateTime EndUtc)
{
    public const int Days = 70;
    public const int GoLiveDaysAgo = 42;
    public const int BaselineDays = 28;
    public const string BaselineName = "Four weeks before go-live";

    public static DemoHistoryTimeline At(DateTime nowUtc)
    {
        var today = nowUtc.Date;
        var goLive = today.AddDays(-GoLiveDaysAgo);
        // Nobody goes live on a weekend.
        goLive = goLive.DayOfWeek switch { DayOfWeek.Saturday => goLive.AddDays(-1), DayOfWeek.Sunday => goLive.AddDays(-2), _ => goLive };
        return new DemoHistoryTimeline(
            DateTime.SpecifyKind(today.AddDays(-Days), DateTimeKind.Utc),
            DateTime.SpecifyKind(goLive.AddHours(10), DateTimeKind.Utc),
            DateTime.SpecifyKind(nowUtc.AddMinutes(-5), DateTimeKind.Utc));
    }

    /// <summary>The version a moment ran under: 1 before go-live, 2 from it.</summary>
    public int VersionAt(DateTime utc) => utc < GoLiveUtc ? 1 : 2;

    public bool AfterGoLive(DateTime utc) => utc >= GoLiveUtc;

    public DateOnly BaselineFrom => DateOnly.FromDateTime(GoLiveUtc.Date.AddDays(-BaselineDays));

    public DateOnly BaselineTo => DateOnly.FromDateTime(GoLiveUtc.Date.AddDays(-1));
}
