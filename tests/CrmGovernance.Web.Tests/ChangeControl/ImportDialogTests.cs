using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Catalog;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Workbook;
using CrmGovernance.Core.Features.Configuration.Yaml;
using CrmGovernance.Web.Features.ChangeControl;
using CrmGovernance.Web.Features.Configuration;
using CrmGovernance.Web.Tests.Configuration;
using CrmGovernance.Web.Tests.Sync;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace CrmGovernance.Web.Tests.ChangeControl;

/// <summary>
/// The import dialogs over the real portal: a file over the limit, or a hostile text, is answered with a message in the
/// dialog; nothing is thrown into the circuit (which would end the user's session) and nothing is created.
/// </summary>
public sealed class ImportDialogTests(StandardPortalFixture fixture) : IClassFixture<StandardPortalFixture>
{
    [Fact]
    public async Task A_yaml_file_over_the_limit_is_refused_in_the_dialog_before_it_is_read()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner);
        var dialog = await OpenAsync<YamlImportDialog>(pages);

        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[YamlImportLimits.MaxBytes + 1], "huge.yaml"));

        dialog.WaitForAssertion(() => Assert.Equal(YamlImportLimits.TooLarge, Assert.Single(dialog.FindAll(".mud-alert-text-error")).TextContent.Trim()));
        Assert.Equal("", dialog.Find("#yaml-text").GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task Pasted_deeply_nested_yaml_is_answered_with_a_message_and_keeps_the_text()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner);
        var dialog = await OpenAsync<YamlImportDialog>(pages);
        var brackets = new string('[', 50_000);

        dialog.Find("#yaml-title").Change("Brackets");
        dialog.Find("#yaml-text").Change(brackets);
        dialog.Find("#yaml-import").Click();

        dialog.WaitForAssertion(() => Assert.Contains($"nested more than {YamlImportLimits.MaxDepth} deep",
            Assert.Single(dialog.FindAll(".mud-alert-text-error")).TextContent, StringComparison.Ordinal));
        Assert.Equal(brackets, dialog.Find("#yaml-text").GetAttribute("value"));
    }

    [Fact]
    public async Task A_workbook_over_the_limit_is_refused_in_the_dialog()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner);
        var dialog = await OpenAsync<WorkbookImportDialog>(pages, new DialogParameters<WorkbookImportDialog> { { d => d.FlowId, Guid.NewGuid() } });

        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[WorkbookImportLimits.MaxFileBytes + 1], "huge.xlsx"));

        dialog.WaitForAssertion(() => Assert.Equal(WorkbookImportLimits.TooLarge, Assert.Single(dialog.FindAll("[data-workbook-error]")).TextContent.Trim()));
    }

    [Fact]
    public async Task A_field_list_over_the_limit_is_refused_in_the_dialog()
    {
        await using var pages = new OperationsPages(fixture.Host, Roles.BusinessOwner);
        var dialog = await OpenAsync<FieldImportDialog>(pages, new DialogParameters<FieldImportDialog>
        {
            { d => d.Configuration, GovernanceConfiguration.Empty }, { d => d.SystemId, Guid.NewGuid() },
            { d => d.ObjectId, Guid.NewGuid() }, { d => d.ChangeRequestId, Guid.NewGuid() },
        });

        dialog.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[FieldCatalogCsv.MaxBytes + 1], "huge.csv"));

        dialog.WaitForAssertion(() => Assert.Equal(FieldCatalogCsv.TooLarge, Assert.Single(dialog.FindAll(".mud-alert-text-error")).TextContent.Trim()));
    }

    private static async Task<IRenderedComponent<MudDialogProvider>> OpenAsync<TDialog>(OperationsPages pages, DialogParameters? parameters = null)
        where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var dialogs = pages.Context.Services.GetRequiredService<IDialogService>();
        await pages.Dialogs.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Import", parameters ?? new DialogParameters()));
        pages.Dialogs.WaitForAssertion(() => Assert.NotEmpty(pages.Dialogs.FindComponents<TDialog>()));
        return pages.Dialogs;
    }
}
