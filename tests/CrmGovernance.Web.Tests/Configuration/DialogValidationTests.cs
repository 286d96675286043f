using Bunit;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Features.Configuration;
using MudBlazor;
using static CrmGovernance.Web.Tests.Configuration.DialogForms;

namespace CrmGovernance.Web.Tests.Configuration;

/// <summary>
/// The governance dialogs check what is typed where it is typed: nothing shows when a dialog opens, a wrong value is
/// flagged under its field (named as the form labels it) once it changes, and the message goes when it is fixed.
/// </summary>
public sealed class DialogValidationTests(StandardPortalFixture fixture) : IClassFixture<StandardPortalFixture>
{
    [Fact]
    public async Task A_steward_that_is_not_an_email_is_flagged_when_it_changes_and_cleared_when_fixed()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenObjectAsync(forms);
        Assert.Empty(dialog.FindAll(".mud-input-error"));

        dialog.Find("#object-steward").Change("sam.example.com");

        dialog.WaitForAssertion(() => Assert.Equal("Steward (email): \"sam.example.com\" is not an email address; write it as name@example.com.",
            ErrorOf(dialog, "#object-steward")));
        Assert.Null(ErrorOf(dialog, "#object-name"));
        dialog.Find("#object-steward").Change("sam@example.com");
        dialog.WaitForAssertion(() => Assert.Null(ErrorOf(dialog, "#object-steward")));
    }

    [Fact]
    public async Task An_owner_with_a_display_name_or_no_domain_is_not_an_email()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenObjectAsync(forms);

        dialog.Find("#object-owner").Change("Jo <jo@example.com>");
        dialog.WaitForAssertion(() => Assert.StartsWith("Accountable business owner (email): \"Jo <jo@example.com>\" is not an email address",
            ErrorOf(dialog, "#object-owner"), StringComparison.Ordinal));
        dialog.Find("#object-owner").Change("jo@localhost");
        dialog.WaitForAssertion(() => Assert.StartsWith("Accountable business owner (email): \"jo@localhost\"", ErrorOf(dialog, "#object-owner"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_or_name_another_object_has_is_flagged_as_typed_and_nothing_is_saved()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenObjectAsync(forms);

        dialog.Find("#object-key").Change("Contact");
        dialog.Find("#object-name").Change("company");
        dialog.Find("#object-owner").Change("owner@example.com");
        dialog.Find("#object-steward").Change("steward@example.com");
        dialog.Find("#save-object").Click();

        dialog.WaitForAssertion(() => Assert.Equal("The object Contact already uses the key \"Contact\"; keys must be unique.", ErrorOf(dialog, "#object-key")));
        Assert.Equal("Another object is already called \"company\".", ErrorOf(dialog, "#object-name"));
        Assert.Equal("Contact", dialog.Find("#object-key").GetAttribute("value"));
        Assert.Equal(StandardObjects.All("", "").Count, (await forms.DraftAsync()).Objects.Count);

        dialog.Find("#object-key").Change("membership");
        dialog.Find("#object-name").Change("Membership");
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll(".mud-input-error")));
        dialog.Find("#save-object").Click();
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("#save-object")));
        var saved = Assert.Single((await forms.DraftAsync()).Objects, o => o.Key == "membership");
        Assert.Equal(("Membership", "owner@example.com", "steward@example.com"), (saved.Name, saved.Owner, saved.Steward));
    }

    [Fact]
    public async Task Saving_an_untouched_dialog_names_each_missing_field_and_saves_nothing()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenObjectAsync(forms);

        dialog.Find("#save-object").Click();

        dialog.WaitForAssertion(() => Assert.Equal("Give the object a name.", ErrorOf(dialog, "#object-name")));
        Assert.Equal("Give the object a key, e.g. membership.", ErrorOf(dialog, "#object-key"));
        Assert.Equal("Name the accountable business owner.", ErrorOf(dialog, "#object-owner"));
        Assert.Equal("Name the steward who looks after this object's data.", ErrorOf(dialog, "#object-steward"));
        Assert.Empty((await forms.Requests.GetAsync(forms.ChangeRequest))!.Items);
    }

    [Fact]
    public async Task A_key_with_spaces_is_flagged_in_words()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenObjectAsync(forms);

        dialog.Find("#object-key").Change("web form");

        dialog.WaitForAssertion(() => Assert.Equal("Key: use letters, digits, - and _ only, starting with a letter, e.g. website or web_form.", ErrorOf(dialog, "#object-key")));
    }

    [Fact]
    public async Task A_journey_name_already_used_is_flagged_and_a_fixed_one_clears()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await forms.OpenAsync(new DialogParameters<JourneyEditorDialog>
        {
            { d => d.Configuration, forms.Configuration with { Journeys = [new() { Id = Guid.NewGuid(), Name = "Lead capture", Owner = "o@example.com" }] } },
            { d => d.ChangeRequestId, forms.ChangeRequest },
        }, "#journey-name");

        dialog.Find("#journey-name").Change("lead capture");
        dialog.WaitForAssertion(() => Assert.Equal("Another journey is already called \"lead capture\".", ErrorOf(dialog, "#journey-name")));
        dialog.Find("#journey-name").Change("Lead nurture");
        dialog.WaitForAssertion(() => Assert.Null(ErrorOf(dialog, "#journey-name")));
    }

    [Fact]
    public async Task A_journey_order_keeps_text_that_is_not_a_number_and_says_why()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await forms.OpenAsync(new DialogParameters<JourneyEditorDialog>
        {
            { d => d.Configuration, forms.Configuration }, { d => d.ChangeRequestId, forms.ChangeRequest },
        }, "#journey-order");

        dialog.Find("#journey-order").Change("first");
        dialog.WaitForAssertion(() => Assert.Equal("Order: \"first\" is not a whole number of 1 or more, e.g. 1.", ErrorOf(dialog, "#journey-order")));
        Assert.Equal("first", dialog.Find("#journey-order").GetAttribute("value"));
        dialog.Find("#journey-order").Change("3");
        dialog.WaitForAssertion(() => Assert.Null(ErrorOf(dialog, "#journey-order")));
    }

    private static Task<IRenderedComponent<MudDialogProvider>> OpenObjectAsync(DialogForms forms) =>
        forms.OpenAsync(new DialogParameters<ObjectEditorDialog> { { d => d.Configuration, forms.Configuration }, { d => d.ChangeRequestId, forms.ChangeRequest } },
            "#object-name");
}
