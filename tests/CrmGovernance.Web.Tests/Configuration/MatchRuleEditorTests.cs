using Bunit;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Web.Tests.Configuration;

public sealed class MatchRuleEditorTests(StandardPortalFixture fixture) : IClassFixture<StandardPortalFixture>
{
    [Fact]
    public async Task The_object_page_shows_thresholds_comparisons_blocking_keys_and_field_names()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Company());

        var page = drafts.Render(StandardObjects.Company);

        page.WaitForAssertion(() => Assert.Equal("97.5 %", page.Find("#match-auto-threshold").TextContent));
        Assert.Equal("55 %", page.Find("#match-review-threshold").TextContent);
        Assert.Equal("≥ 95 % → +7, otherwise -5", page.Find("[data-match-comparison=company] td:last-child").TextContent);
        Assert.Equal(["website"], page.FindAll("[data-match-blocking-key]").Select(c => c.GetAttribute("data-match-blocking-key")));
        Assert.Equal("Field names: company → name, website → domain.", page.Find("#match-field-names").TextContent.Trim());
        Assert.NotNull(page.Find("#edit-match-rule"));
    }

    [Fact]
    public async Task The_published_contact_rule_of_a_new_installation_is_the_default_and_read_only_outside_a_draft()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture);

        var page = drafts.Render(StandardObjects.Contact, inDraft: false);

        var defaults = DefaultMatchRules.Contact(StandardMatchRules.Contact, StandardObjects.Contact);
        page.WaitForAssertion(() => Assert.Equal(defaults.BlockingKeys, page.FindAll("[data-match-blocking-key]").Select(c => c.GetAttribute("data-match-blocking-key"))));
        Assert.Equal(defaults.Comparisons.Select(c => c.Attribute), page.FindAll("[data-match-comparison]").Select(r => r.GetAttribute("data-match-comparison")));
        Assert.Empty(page.FindAll("#edit-match-rule, #remove-match-rule, #use-default-match-rule, #add-match-rule"));
    }

    [Fact]
    public async Task A_changed_auto_match_threshold_is_saved_into_the_working_change_request_and_nothing_else_changes()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Contact());
        var page = drafts.Render(StandardObjects.Contact);

        page.Find("#edit-match-rule").Click();
        var dialog = drafts.Pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.Equal("97", dialog.Find("#match-auto").GetAttribute("value")));
        dialog.Find("#match-auto").Change("95");
        dialog.Find("#save-match-rule").Click();

        page.WaitForAssertion(() => Assert.Equal("95 %", page.Find("#match-auto-threshold").TextContent));
        var saved = await drafts.DraftRuleAsync(StandardObjects.Contact);
        var before = MatchRuleDrafts.Contact();
        Assert.Equal((0.95, 0.6, -8.0, "Contact"), (saved!.AutoMatchThreshold, saved.ReviewThreshold, saved.PriorWeight, saved.Name));
        Assert.Equal(before.Comparisons.Select(c => (c.Attribute, c.Comparator, c.MismatchWeight)), saved.Comparisons.Select(c => (c.Attribute, c.Comparator, c.MismatchWeight)));
        Assert.Equal(before.Comparisons.SelectMany(c => c.Levels), saved.Comparisons.SelectMany(c => c.Levels));
        Assert.Equal(before.BlockingKeys, saved.BlockingKeys);
        Assert.Empty(saved.FieldNames);
    }

    [Fact]
    public async Task The_fuzzy_identity_choice_is_shown_in_words_and_kept_when_another_setting_is_saved()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Contact() with { FuzzyIdentityChange = FuzzyIdentityChange.HoldForSteward });
        var page = drafts.Render(StandardObjects.Contact);
        page.WaitForAssertion(() => Assert.Equal("When a fuzzy match differs in an identity field: hold for a steward.",
            page.Find("#match-fuzzy-identity-summary").TextContent.Trim()));

        page.Find("#edit-match-rule").Click();
        var dialog = drafts.Pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.Contains("Hold for a steward", dialog.Find("#match-fuzzy-identity").ParentElement!.ParentElement!.TextContent, StringComparison.Ordinal));
        dialog.Find("#match-auto").Change("95");
        dialog.Find("#save-match-rule").Click();

        page.WaitForAssertion(() => Assert.Equal("95 %", page.Find("#match-auto-threshold").TextContent));
        Assert.Equal(FuzzyIdentityChange.HoldForSteward, (await drafts.DraftRuleAsync(StandardObjects.Contact))!.FuzzyIdentityChange);
    }

    [Fact]
    public async Task A_review_threshold_above_auto_match_is_refused_and_the_form_keeps_what_was_typed()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Contact());
        var page = drafts.Render(StandardObjects.Contact);
        page.Find("#edit-match-rule").Click();
        var dialog = drafts.Pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#match-review")));

        dialog.Find("#match-review").Change("99");
        dialog.Find("[data-blocking-key='1']").Input("last_name+city");
        dialog.Find("#save-match-rule").Click();

        dialog.WaitForAssertion(() => Assert.Equal(
            "The match rule of Contact: the review threshold (99 %) must be below the auto-match threshold (97 %).",
            Assert.Single(dialog.FindAll("[data-match-error]")).TextContent.Trim()));
        Assert.Equal("99", dialog.Find("#match-review").GetAttribute("value"));
        Assert.Equal("last_name+city", dialog.Find("[data-blocking-key='1']").GetAttribute("value"));
        Assert.Equal(0.6, (await drafts.DraftRuleAsync(StandardObjects.Contact))!.ReviewThreshold);
    }

    [Fact]
    public async Task A_blocking_key_that_does_not_parse_is_flagged_while_typing()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Contact());
        var page = drafts.Render(StandardObjects.Contact);
        page.Find("#edit-match-rule").Click();
        var dialog = drafts.Pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("[data-blocking-key='0']")));
        Assert.Empty(dialog.FindAll(".mud-input-error"));

        dialog.Find("[data-blocking-key='0']").Input("emial");

        dialog.WaitForAssertion(() => Assert.Contains("Unknown attribute \"emial\"", Assert.Single(dialog.FindAll(".mud-input-helper-text.mud-input-error")).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_object_without_a_rule_offers_the_default_rule_which_opens_in_the_editor_and_saves()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Contact());
        Assert.True((await drafts.Requests.DeleteItemAsync(drafts.ChangeRequest, ConfigurationItemKind.MatchRule, StandardMatchRules.Contact)).Succeeded);
        var page = drafts.Render(StandardObjects.Contact);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-match-rule")));

        page.Find("#use-default-match-rule").Click();
        var dialog = drafts.Pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#save-match-rule")));
        dialog.Find("#save-match-rule").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("#no-match-rule")));
        var saved = (await drafts.DraftRuleAsync(StandardObjects.Contact))!;
        var defaults = DefaultMatchRules.Contact(saved.Id, StandardObjects.Contact);
        Assert.Equal(defaults.Comparisons.Select(c => (c.Attribute, c.Comparator, c.MismatchWeight)), saved.Comparisons.Select(c => (c.Attribute, c.Comparator, c.MismatchWeight)));
        Assert.Equal(defaults.Comparisons.SelectMany(c => c.Levels), saved.Comparisons.SelectMany(c => c.Levels));
        Assert.Equal(defaults.BlockingKeys, saved.BlockingKeys);
        Assert.Equal((defaults.AutoMatchThreshold, defaults.ReviewThreshold, defaults.PriorWeight), (saved.AutoMatchThreshold, saved.ReviewThreshold, saved.PriorWeight));
    }

    [Fact]
    public async Task An_object_without_a_default_offers_a_blank_rule_which_is_not_saved_while_incomplete()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture);
        var page = drafts.Render(StandardObjects.Lead);
        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-match-rule")));
        Assert.Empty(page.FindAll("#use-default-match-rule"));

        page.Find("#add-match-rule").Click();
        var dialog = drafts.Pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("[data-blocking-key='0']")));
        dialog.Find("[data-blocking-key='0']").Input("email");
        dialog.Find("#save-match-rule").Click();

        dialog.WaitForAssertion(() => Assert.StartsWith("The match rule of Lead, comparison 1 compares no attribute; choose one of first_name,",
            Assert.Single(dialog.FindAll("[data-match-error]")).TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("email", dialog.Find("[data-blocking-key='0']").GetAttribute("value"));
        Assert.Null(await drafts.DraftRuleAsync(StandardObjects.Lead));
    }

    [Fact]
    public async Task Removing_the_rule_asks_first_then_removes_it_from_the_working_change_request()
    {
        await using var drafts = await MatchRuleDrafts.StartAsync(fixture, MatchRuleDrafts.Contact());
        var page = drafts.Render(StandardObjects.Contact);

        page.Find("#remove-match-rule").Click();
        var dialog = drafts.Pages.Dialogs;
        dialog.WaitForAssertion(() => Assert.Contains("Remove the match rule of Contact", dialog.Markup, StringComparison.Ordinal));
        dialog.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#no-match-rule")));
        Assert.Null(await drafts.DraftRuleAsync(StandardObjects.Contact));
    }
}
