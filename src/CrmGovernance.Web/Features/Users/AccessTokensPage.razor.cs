using CrmGovernance.Core.Features.Users.AccessTokens;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CrmGovernance.Web.Features.Users;

/// <summary>The signed-in person's own access tokens: create (the secret shown once), list, revoke.</summary>
public sealed partial class AccessTokensPage
{
    private static readonly int[] ExpiryChoices = [7, 30, AccessTokenService.DefaultDays, 180, AccessTokenService.MaxDays];

    private IReadOnlyList<AccessTokenRow>? tokens;
    private string name = "";
    private int days = AccessTokenService.DefaultDays;
    private string scope = AccessTokenScopes.IncidentsRead;
    private IReadOnlyList<string> errors = [];
    private CreatedAccessToken? created;
    private bool saving;

    [Inject] private AccessTokenService Tokens { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => tokens = await Tokens.ListAsync();

    private async Task CreateAsync()
    {
        saving = true;
        try
        {
            // What the person entered stays in the form when creating fails.
            var result = await Tokens.CreateAsync(name, days, scope);
            errors = result.Outcome.Errors;
            created = result.Created;
        }
        catch (UnauthorizedAccessException e)
        {
            errors = [e.Message];
        }
        saving = false;
        if (created is not null)
        {
            name = "";
            await LoadAsync();
        }
    }

    private void Done() => created = null;

    private async Task CopyAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("navigator.clipboard.writeText", created!.Secret);
            Snackbar.Add("Token copied to the clipboard.", Severity.Success);
        }
        catch (JSException)
        {
            Snackbar.Add("The browser did not allow copying: select the token and copy it by hand.", Severity.Warning);
        }
    }

    private async Task RevokeAsync(AccessTokenRow token)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Revoke token",
            $"Revoke \"{token.Name}\" ({token.Prefix}…)? Requests with it are refused from now on. This cannot be undone.",
            yesText: "Revoke", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        var result = await Tokens.RevokeAsync(token.Id);
        if (result.Succeeded)
        {
            Snackbar.Add($"Revoked \"{token.Name}\".", Severity.Success);
        }
        foreach (var error in result.Errors)
        {
            Snackbar.Add(error, Severity.Error);
        }
        await LoadAsync();
    }
}
