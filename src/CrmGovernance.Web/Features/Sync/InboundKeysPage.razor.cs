using CrmGovernance.Core.Features.Sync.Inbound;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Sync;

public sealed partial class InboundKeysPage
{
    private MudDataGrid<InboundKeyRow>? grid;

    [Inject] private InboundKeyService Keys { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private async Task<GridData<InboundKeyRow>> LoadAsync(GridState<InboundKeyRow> state, CancellationToken cancellationToken)
    {
        var page = await Keys.ListAsync(state.Page, state.PageSize, cancellationToken);
        return new GridData<InboundKeyRow> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task IssueAsync()
    {
        var dialog = await Dialogs.ShowAsync<InboundKeysIssueDialog>("Issue inbound API key",
            new DialogOptions { BackdropClick = false, CloseOnEscapeKey = false, MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: IssuedInboundKey issued })
        {
            Snackbar.Add($"Issued \"{issued.Name}\" for {issued.SystemKey}.", Severity.Success);
        }
        await ReloadAsync();
    }

    private async Task RevokeAsync(InboundKeyRow key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Revoke key",
            $"Revoke \"{key.Name}\" ({key.Prefix}…) of {key.SystemKey}? Requests with it are refused from now on; the sender needs a new key. This cannot be undone.",
            yesText: "Revoke", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        var result = await Keys.RevokeAsync(key.Id);
        if (result.Succeeded)
        {
            Snackbar.Add($"Revoked \"{key.Name}\" of {key.SystemKey}.", Severity.Success);
        }
        foreach (var error in result.Errors)
        {
            Snackbar.Add(error, Severity.Error);
        }
        await ReloadAsync();
    }

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;
}
