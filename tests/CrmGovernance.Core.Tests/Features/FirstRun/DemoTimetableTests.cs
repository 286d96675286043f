using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.FirstRun.Demo;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CrmGovernance.Core.Tests.Features.FirstRun;

public sealed class DemoTimetableTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_marketing_system_goes_offline_after_the_first_delay_and_again_every_cycle()
    {
        var (timetable, clock) = Timetable(new DemoOptions { Enabled = true });

        Assert.False(timetable.MarketingOffline(At(clock, 119)));
        Assert.True(timetable.MarketingOffline(At(clock, 120)));
        Assert.True(timetable.MarketingOffline(At(clock, 120 + 359)));
        Assert.False(timetable.MarketingOffline(At(clock, 120 + 360)));
        Assert.True(timetable.MarketingOffline(At(clock, 120 + (30 * 60) + 10)));
    }

    [Fact]
    public void The_shop_feed_pauses_later_in_each_cycle_and_not_while_marketing_is_down()
    {
        var (timetable, clock) = Timetable(new DemoOptions { Enabled = true });

        Assert.False(timetable.ShopPaused(At(clock, 120 + 719)));
        Assert.True(timetable.ShopPaused(At(clock, 120 + 720)));
        Assert.True(timetable.ShopPaused(At(clock, 120 + 1199)));
        Assert.False(timetable.ShopPaused(At(clock, 120 + 1200)));
        Assert.False(timetable.MarketingOffline(At(clock, 120 + 720)));
    }

    [Theory]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(true, true, false)]
    public void Nothing_misbehaves_without_the_live_demo_and_its_outages(bool enabled, bool live, bool outages)
    {
        var (timetable, clock) = Timetable(new DemoOptions { Enabled = enabled, Live = live, Outages = outages });

        Assert.False(timetable.MarketingOffline(At(clock, 130)));
        Assert.False(timetable.ShopPaused(At(clock, 120 + 800)));
    }

    private static (DemoTimetable, FakeTimeProvider) Timetable(DemoOptions options)
    {
        var clock = new FakeTimeProvider(Start);
        return (new DemoTimetable(Options.Create(options), clock), clock);
    }

    private static DateTime At(FakeTimeProvider clock, int seconds) => clock.GetUtcNow().UtcDateTime.AddSeconds(seconds);
}
