using Bunit;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Features.Configuration;
using CrmGovernance.Web.Tests.Hosting;
using MudBlazor;
using static CrmGovernance.Web.Tests.Configuration.DialogForms;

namespace CrmGovernance.Web.Tests.Configuration;

/// <summary>The flow and mapping editors on the demo configuration: phase, phone regions and mapping types checked as edited.</summary>
public sealed class FlowDialogValidationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Phase_keeps_text_that_is_not_a_number_says_why_and_saves_once_fixed()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenFlowAsync(forms);
        Assert.Empty(dialog.FindAll(".mud-input-error"));

        dialog.Find("#flow-phase").Change("two");
        dialog.WaitForAssertion(() => Assert.Equal("Phase: \"two\" is not a whole number of 1 or more, e.g. 1.", ErrorOf(dialog, "#flow-phase")));
        Assert.Equal("two", dialog.Find("#flow-phase").GetAttribute("value"));
        dialog.Find("#save-flow").Click();
        dialog.WaitForAssertion(() => Assert.Equal("two", dialog.Find("#flow-phase").GetAttribute("value")));
        Assert.Empty((await forms.Requests.GetAsync(forms.ChangeRequest))!.Items);

        dialog.Find("#flow-phase").Change("2");
        dialog.WaitForAssertion(() => Assert.Null(ErrorOf(dialog, "#flow-phase")));
        dialog.Find("#save-flow").Click();
        dialog.WaitForAssertion(() => Assert.Empty(dialog.FindAll("#save-flow")));
        Assert.Equal(2, (await forms.DraftAsync()).FindFlow(DemoConfiguration.WebFormFlow)!.Phase);
    }

    [Fact]
    public async Task A_phone_region_that_is_not_a_country_code_is_flagged_and_cleared_when_fixed()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenFlowAsync(forms);

        dialog.Find("#flow-region").Change("UK");
        dialog.WaitForAssertion(() => Assert.Equal(
            "Default phone region: \"UK\" is not a country code. Use the two-letter ISO 3166 code, e.g. GB, US, DE. The United Kingdom is GB.",
            ErrorOf(dialog, "#flow-region")));
        dialog.Find("#flow-region").Change("ZZ");
        dialog.WaitForAssertion(() => Assert.StartsWith("Default phone region: \"ZZ\" is not a country code.", ErrorOf(dialog, "#flow-region"), StringComparison.Ordinal));
        dialog.Find("#flow-region").Change("gb");
        dialog.WaitForAssertion(() => Assert.Null(ErrorOf(dialog, "#flow-region")));
    }

    [Fact]
    public async Task An_owner_that_is_not_an_email_is_flagged_with_its_label()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenFlowAsync(forms);

        dialog.Find("#flow-owner").Change("Marketing team");

        dialog.WaitForAssertion(() => Assert.Equal("Owner (email): \"Marketing team\" is not an email address; write it as name@example.com.", ErrorOf(dialog, "#flow-owner")));
    }

    [Fact]
    public async Task A_mapping_whose_types_stop_fitting_says_so_while_it_is_edited()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenMappingAsync(forms, "last_form_at");
        Assert.NotNull(dialog.Find("#mapping-types-fit"));
        Assert.Empty(dialog.FindAll("[data-type-error]"));

        dialog.Find("[data-step='0'] button[aria-label='Remove step']").Click();

        dialog.WaitForAssertion(() => Assert.EndsWith("add a Parse date step.", Assert.Single(dialog.FindAll("[data-type-error]")).TextContent.Trim(), StringComparison.Ordinal));
        Assert.StartsWith("last_form_at is a ", dialog.Find("[data-type-error]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Empty(dialog.FindAll("#mapping-types-fit"));
    }

    [Fact]
    public async Task A_phone_step_region_that_is_not_a_country_code_is_flagged_with_the_step_label()
    {
        await using var forms = await StartAsync(fixture.Host);
        var dialog = await OpenMappingAsync(forms, "phone");

        dialog.Find("[data-step-arg='0:region']").Input("UK");

        dialog.WaitForAssertion(() => Assert.Equal(
            "phone, step 1 (Phone to E.164): the region \"UK\" is not a country code; use the two-letter ISO 3166 code, e.g. GB or US.",
            Assert.Single(dialog.FindAll("[data-type-error]")).TextContent.Trim()));
        dialog.Find("[data-step-arg='0:region']").Input("GB");
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#mapping-types-fit")));
    }

    [Fact]
    public async Task A_second_mapping_to_a_target_already_written_is_refused_and_not_saved()
    {
        await using var forms = await StartAsync(fixture.Host);
        var flow = forms.Configuration.FindFlow(DemoConfiguration.WebFormFlow)!;
        var draft = new MappingDraft { FlowId = flow.Id, Order = 9, SourceFields = ["email"], TargetField = "email" };
        var dialog = await forms.OpenAsync(new DialogParameters<MappingEditorDialog>
        {
            { d => d.Configuration, forms.Configuration }, { d => d.Flow, flow }, { d => d.Draft, draft }, { d => d.ChangeRequestId, forms.ChangeRequest },
        }, "#save-mapping");

        dialog.Find("#save-mapping").Click();

        dialog.WaitForAssertion(() => Assert.Contains("Another mapping of this flow already writes email; edit that one instead.", dialog.Markup, StringComparison.Ordinal));
        Assert.Empty((await forms.Requests.GetAsync(forms.ChangeRequest))!.Items);
    }

    private static Task<IRenderedComponent<MudDialogProvider>> OpenFlowAsync(DialogForms forms) =>
        forms.OpenAsync(new DialogParameters<FlowEditorDialog>
        {
            { d => d.Configuration, forms.Configuration }, { d => d.Flow, forms.Configuration.FindFlow(DemoConfiguration.WebFormFlow) },
            { d => d.ChangeRequestId, forms.ChangeRequest },
        }, "#flow-phase");

    private static Task<IRenderedComponent<MudDialogProvider>> OpenMappingAsync(DialogForms forms, string target)
    {
        var flow = forms.Configuration.FindFlow(DemoConfiguration.WebFormFlow)!;
        var mapping = forms.Configuration.Mappings.Single(m => m.FlowId == flow.Id && m.TargetField == target);
        return forms.OpenAsync(new DialogParameters<MappingEditorDialog>
        {
            { d => d.Configuration, forms.Configuration }, { d => d.Flow, flow }, { d => d.Draft, MappingDraft.From(mapping) },
            { d => d.ChangeRequestId, forms.ChangeRequest }, { d => d.Original, mapping },
        }, "#save-mapping");
    }
}
