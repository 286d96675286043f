using Bunit;
using CrmGovernance.Web.Features.Configuration;
using MudBlazor;
using static CrmGovernance.Web.Tests.Configuration.DialogForms;

namespace CrmGovernance.Web.Tests.Configuration;

/// <summary>The incident policy editor and the escalation contact field, over the real portal inside an admin's draft.</summary>
public sealed class IncidentPolicyEditorTests(StandardPortalFixture fixture) : IClassFixture<StandardPortalFixture>
{
    [Fact]
    public async Task A_threshold_out_of_range_shows_the_validators_message_blocks_saving_and_a_fixed_one_saves()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await forms.OpenAsync(new DialogParameters<IncidentPolicyEditorDialog>
            { { d => d.Configuration, forms.Configuration }, { d => d.ChangeRequestId, forms.ChangeRequest } }, "#policy-error-queue");
        Assert.Empty(dialog.FindAll("[data-policy-error]"));

        dialog.Find("#policy-error-queue").Input("0");

        dialog.WaitForAssertion(() => Assert.Equal("The error-queue threshold must be between 1 and 1000000.", dialog.Find("[data-policy-error]").TextContent.Trim()));
        Assert.True(dialog.Find("#save-incident-policy").HasAttribute("disabled"));
        dialog.Find("#policy-error-queue").Input("40");
        dialog.Find("#policy-acknowledge-0").Input("5");
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("[data-policy-error]")));
        dialog.Find("#save-incident-policy").Click();
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("#save-incident-policy")));

        var saved = Assert.Single((await forms.DraftAsync()).IncidentPolicies);
        Assert.Null(saved.FlowId);
        Assert.Equal(40, saved.ErrorQueueThreshold);
        Assert.Equal([5, 60, 240, 1440], saved.AcknowledgeMinutes);
    }

    [Fact]
    public async Task An_escalation_contact_that_is_not_an_email_is_flagged_and_a_valid_one_is_saved_with_the_object()
    {
        await using var forms = await StartAsync(fixture.Host);
        var contact = forms.Configuration.Objects.Single(o => o.Key == "contact");
        var dialog = await forms.OpenAsync(new DialogParameters<ObjectEditorDialog>
            { { d => d.Configuration, forms.Configuration }, { d => d.ChangeRequestId, forms.ChangeRequest }, { d => d.Object, contact } }, "#object-name");

        dialog.Find("#object-escalation-contact").Change("head of sales");
        dialog.WaitForAssertion(() => Assert.StartsWith("Escalation contact (email): \"head of sales\" is not an email address",
            ErrorOf(dialog, "#object-escalation-contact"), StringComparison.Ordinal));
        dialog.Find("#object-escalation-contact").Change("head.of.sales@example.com");
        dialog.WaitForAssertion(() => Assert.Null(ErrorOf(dialog, "#object-escalation-contact")));
        dialog.Find("#save-object").Click();
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("#save-object")));

        Assert.Equal("head.of.sales@example.com", (await forms.DraftAsync()).FindObject(contact.Id)!.EscalationContact);
    }
}
