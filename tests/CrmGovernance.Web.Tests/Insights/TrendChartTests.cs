using Bunit;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Web.Features.Insights;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace CrmGovernance.Web.Tests.Insights;

public sealed class TrendChartTests
{
    private static readonly DateTime From = new(2026, 9, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Each_version_in_the_period_is_a_marker_linking_to_its_before_and_after_comparison()
    {
        await using var ctx = NewContext();
        VersionMark[] versions = [new(3, From.AddDays(2).AddHours(9), "owner@example.com", "Phone numbers in E.164"), new(5, From.AddDays(5), "admin@example.com", null)];

        var chart = ctx.Render<TrendChart>(p => p
            .Add(c => c.Key, InsightCards.SuccessRate).Add(c => c.Title, "Sync success").Add(c => c.Unit, MetricUnit.Share)
            .Add(c => c.Points, Days(0.9, 0.95, null, 0.97, 0.99, 1.0, 0.98)).Add(c => c.Baseline, 0.9)
            .Add(c => c.Versions, versions).Add(c => c.FromUtc, From).Add(c => c.ToUtc, From.AddDays(7)));

        var markers = chart.FindAll("a[data-version]");
        Assert.Equal(["3", "5"], markers.Select(m => m.GetAttribute("data-version")));
        Assert.Equal("insights/versions/3?days=14", markers[0].GetAttribute("href"));
        Assert.Equal("insights/versions/5?days=14", markers[1].GetAttribute("href"));
        Assert.Equal("v3", markers[0].QuerySelector("text")!.TextContent);
        Assert.Contains("published by owner@example.com at 2026-09-03 09:00 UTC: Phone numbers in E.164", markers[0].QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        // The marker of day 5 of 7 sits five sevenths of the way across.
        Assert.Equal("214.29", markers[1].QuerySelector("line")!.GetAttribute("x1"));
    }

    [Fact]
    public async Task A_bucket_without_a_value_is_a_gap_and_the_chart_describes_itself_for_screen_readers()
    {
        await using var ctx = NewContext();

        var chart = ctx.Render<TrendChart>(p => p
            .Add(c => c.Key, InsightCards.Freshness).Add(c => c.Title, "Runs on time").Add(c => c.Unit, MetricUnit.Share)
            .Add(c => c.Points, Days(0.5, 0.75, null, null, 1.0)).Add(c => c.Baseline, 0.8)
            .Add(c => c.FromUtc, From).Add(c => c.ToUtc, From.AddDays(5)));

        Assert.Single(chart.FindAll("polyline[data-trend-line]"));
        Assert.Single(chart.FindAll("circle"));
        Assert.Single(chart.FindAll("line[data-baseline-line]"));
        var svg = chart.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        var label = svg.GetAttribute("aria-label")!;
        Assert.StartsWith("Runs on time: trend over 5 periods", label, StringComparison.Ordinal);
        Assert.Contains("baseline", label, StringComparison.Ordinal);
        Assert.Empty(chart.FindAll("a[data-version]"));
    }

    private static List<TrendPoint> Days(params double?[] values) => values.Select((v, i) => new TrendPoint(From.AddDays(i), v)).ToList();

    private static BunitContext NewContext()
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.SetRendererInfo(new RendererInfo("Server", true));
        return ctx;
    }
}
