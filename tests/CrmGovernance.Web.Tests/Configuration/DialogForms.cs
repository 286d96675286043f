using Bunit;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Web.Tests.Hosting;
using CrmGovernance.Web.Tests.Sync;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Tests.Configuration;

/// <summary>
/// A governance dialog opened over the real portal, inside a fresh draft change request of an admin, the way the pages
/// open it: through the dialog service, with the draft configuration.
/// </summary>
internal sealed class DialogForms : IAsyncDisposable
{
    private DialogForms(OperationsPages pages, Guid changeRequest, GovernanceConfiguration configuration) =>
        (Pages, ChangeRequest, Configuration) = (pages, changeRequest, configuration);

    public OperationsPages Pages { get; }
    public Guid ChangeRequest { get; }
    public GovernanceConfiguration Configuration { get; }
    public ChangeRequestService Requests => Pages.Context.Services.GetRequiredService<ChangeRequestService>();
    public IRenderedComponent<MudDialogProvider> Dialog => Pages.Dialogs;

    public static async Task<DialogForms> StartAsync(PortalHost host)
    {
        var pages = new OperationsPages(host, Roles.Admin);
        var requests = pages.Context.Services.GetRequiredService<ChangeRequestService>();
        var id = await requests.CreateDraftAsync("Form checks", "Test");
        return new DialogForms(pages, id, await requests.DraftConfigurationAsync(id));
    }

    public async Task<IRenderedComponent<MudDialogProvider>> OpenAsync<TDialog>(DialogParameters<TDialog> parameters, string ready) where TDialog : IComponent
    {
        var dialogs = Pages.Context.Services.GetRequiredService<IDialogService>();
        await Pages.Dialogs.InvokeAsync(() => dialogs.ShowAsync<TDialog>("Edit", parameters));
        Pages.Dialogs.WaitForAssertion(() => Assert.NotNull(Pages.Dialogs.Find(ready)));
        return Pages.Dialogs;
    }

    public Task<GovernanceConfiguration> DraftAsync() => Requests.DraftConfigurationAsync(ChangeRequest);

    /// <summary>The message Mud shows under the field whose input matches <paramref name="selector"/>, or null.</summary>
    public static string? ErrorOf(IRenderedComponent<MudDialogProvider> dialog, string selector) =>
        dialog.Find(selector).Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() is { Length: > 0 } text
            ? text
            : null;

    public ValueTask DisposeAsync() => Pages.DisposeAsync();
}
