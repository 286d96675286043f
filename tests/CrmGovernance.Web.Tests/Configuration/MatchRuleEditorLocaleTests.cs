using System.Globalization;
using Bunit;
using CrmGovernance.Core.Features.FirstRun;

namespace CrmGovernance.Web.Tests.Configuration;

/// <summary>Under a decimal-comma culture the match rule editor shows and reads numbers the same way, so nothing shifts by a factor.</summary>
public sealed class MatchRuleEditorLocaleTests(StandardPortalFixture fixture) : IClassFixture<StandardPortalFixture>
{
    [Fact]
    public async Task A_threshold_and_a_weight_round_trip_under_german_decimal_commas()
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (new CultureInfo("de-DE"), new CultureInfo("de-DE"));
        try
        {
            await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Contact());
            var page = drafts.Render(StandardObjects.Contact);
            page.Find("#edit-match-rule").Click();
            var dialog = drafts.Pages.Dialogs;
            dialog.WaitForAssertion(() => Assert.Equal("97", dialog.Find("#match-auto").GetAttribute("value")), TimeSpan.FromSeconds(30));
            // The last name's only level.
            var weight = dialog.FindAll("input[aria-label='Weight']")[^1];
            Assert.Equal("4,25", weight.GetAttribute("value"));

            dialog.Find("#match-auto").Change("96,5");
            weight.Change("4,75");
            dialog.Find("#save-match-rule").Click();

            // The rule's summary comes from the handbook's text (Core's MatchRuleText), written the same for every reader.
            // A loaded machine can starve the renderer's dispatcher for a while: allow it time.
            page.WaitForAssertion(() => Assert.Equal("96.5 %", page.Find("#match-auto-threshold").TextContent), TimeSpan.FromSeconds(30));
            var saved = await drafts.DraftRuleAsync(StandardObjects.Contact);
            Assert.Equal(0.965, saved!.AutoMatchThreshold, 10);
            Assert.Equal(4.75, saved.Comparisons.Single(c => c.Attribute == "last_name").Levels.Single().Weight);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    [Fact]
    public async Task Each_level_of_a_comparison_is_marked_with_its_own_index()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Contact());
        var page = drafts.Render(StandardObjects.Contact);
        page.Find("#edit-match-rule").Click();
        var dialog = drafts.Pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotEmpty(dialog.FindAll("input[aria-label='Weight']")));

        var rule = MatchRuleDrafts.Contact();
        var expected = rule.Comparisons.SelectMany((c, i) => c.Levels.Select((_, j) => (string?)$"{i}:{j}")).ToList();
        Assert.Equal(expected, dialog.FindAll("[data-level-weight]").Select(e => e.GetAttribute("data-level-weight")).ToList());
        Assert.Equal(expected, dialog.FindAll("[data-level-threshold]").Select(e => e.GetAttribute("data-level-threshold")).ToList());
    }
}
