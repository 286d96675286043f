using System.Globalization;
using Bunit;
using CrmGovernance.Web.Components.Shared;

namespace CrmGovernance.Web.Tests.Locale;

/// <summary>The server side of a local time: the UTC value for hover and for the script, the same in every culture.</summary>
public sealed class LocalTimeTests
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public async Task A_time_carries_its_utc_value_as_title_and_machine_readable_datetime_whatever_the_culture(string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new CultureInfo(culture), new CultureInfo(culture));
        try
        {
            await using var context = new BunitContext();

            var time = context.Render<LocalTime>(p => p.Add(t => t.Utc, new DateTime(2026, 3, 9, 17, 4, 5, DateTimeKind.Utc))).Find("time.local-time");

            Assert.Equal("2026-03-09 17:04:05 UTC", time.GetAttribute("title"));
            Assert.Equal("2026-03-09T17:04:05Z", time.GetAttribute("datetime"));
            Assert.Equal("2026-03-09 17:04:05 UTC", time.TextContent);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    [Fact]
    public async Task A_relative_time_is_marked_for_the_script_and_shows_the_utc_value_without_it()
    {
        await using var context = new BunitContext();
        var at = new DateTime(2026, 3, 9, 17, 4, 5, DateTimeKind.Utc);

        var relative = context.Render<LocalTime>(p => p.Add(t => t.Utc, at).Add(t => t.Relative, true)).Find("time.local-time");
        var absolute = context.Render<LocalTime>(p => p.Add(t => t.Utc, at)).Find("time.local-time");

        Assert.Equal("true", relative.GetAttribute("data-relative"));
        Assert.Equal(("2026-03-09T17:04:05Z", "2026-03-09 17:04:05 UTC", "2026-03-09 17:04:05 UTC"),
            (relative.GetAttribute("datetime"), relative.GetAttribute("title"), relative.TextContent));
        Assert.False(absolute.HasAttribute("data-relative"));
    }
}
