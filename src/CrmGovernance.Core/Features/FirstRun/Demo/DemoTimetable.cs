using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// When the live demo's systems misbehave (<see cref="DemoOptions.Outages"/>), counted from the portal's start: the
/// marketing system offline at the start of each cycle, the shop feed paused later in it. Singleton.
/// </summary>
public sealed class DemoTimetable(IOptions<DemoOptions> options, TimeProvider clock)
{
    private readonly DateTime _startUtc = clock.GetUtcNow().UtcDateTime;

    public bool MarketingOffline(DateTime nowUtc) =>
        InCycle(nowUtc) is { } t && t < TimeSpan.FromSeconds(options.Value.MarketingOfflineSeconds);

    public bool ShopPaused(DateTime nowUtc) =>
        InCycle(nowUtc) is { } t && t >= TimeSpan.FromSeconds(options.Value.ShopPauseAfterSeconds)
        && t < TimeSpan.FromSeconds(options.Value.ShopPauseAfterSeconds + options.Value.ShopPauseSeconds);

    /// <summary>How far into the current outage cycle; null before the first cycle or with outages off.</summary>
    private TimeSpan? InCycle(DateTime nowUtc)
    {
        var o = options.Value;
        if (!o.IsLive || !o.Outages)
        {
            return null;
        }
        var since = nowUtc - _startUtc - TimeSpan.FromSeconds(o.FirstOutageAfterSeconds);
        return since < TimeSpan.Zero ? null : TimeSpan.FromTicks(since.Ticks % TimeSpan.FromMinutes(o.OutageCycleMinutes).Ticks);
    }
}
