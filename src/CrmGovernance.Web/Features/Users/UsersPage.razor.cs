using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Users;

public sealed partial class UsersPage
{
    private MudDataGrid<UserRow>? grid;

    [Inject] private UserAdminService Users { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "q")]
    private string? Search { get; set; }

    private async Task<GridData<UserRow>> LoadAsync(GridState<UserRow> state, CancellationToken cancellationToken)
    {
        var page = await Users.ListAsync(Search, state.Page, state.PageSize, cancellationToken);
        return new GridData<UserRow> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task SearchChangedAsync(string? value)
    {
        Search = value;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("q", string.IsNullOrWhiteSpace(value) ? null : value), replace: true);
        await ReloadAsync();
    }

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateUserDialog>("New user", new DialogOptions { BackdropClick = false, MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string email })
        {
            Snackbar.Add($"Created {email}.", Severity.Success);
            await ReloadAsync();
        }
    }

    private async Task AddRoleAsync(UserRow user, string role) =>
        await ReportAsync(await Users.AddRoleAsync(user.Id, role), $"{user.Email} now has the role {Roles.Describe(role)}.");

    private async Task RemoveRoleAsync(UserRow user, string role)
    {
        var last = user.Roles.Count == 1 ? " " + UserRoleWarning.RemovingLast(user.Email) : "";
        if (await ConfirmAsync("Remove role", $"Remove the role {Roles.Describe(role)} from {user.Email}? Their open sessions lose it within a minute.{last}", "Remove"))
        {
            await ReportAsync(await Users.RemoveRoleAsync(user.Id, role), $"{user.Email} no longer has the role {Roles.Describe(role)}.");
        }
    }

    private async Task ToggleDisabledAsync(UserRow user)
    {
        if (user.IsDisabled)
        {
            await ReportAsync(await Users.SetDisabledAsync(user.Id, false), $"{user.Email} can sign in again.");
        }
        else if (await ConfirmAsync("Disable user", $"Disable {user.Email}? They cannot sign in, and their open sessions end within a minute.", "Disable"))
        {
            await ReportAsync(await Users.SetDisabledAsync(user.Id, true), $"{user.Email} is disabled.");
        }
    }

    private async Task ResetTwoFactorAsync(UserRow user)
    {
        if (await ConfirmAsync("Reset two-factor", $"Reset two-factor sign-in for {user.Email}? They sign in with their password only until they set up an authenticator again.", "Reset"))
        {
            await ReportAsync(await Users.ResetTwoFactorAsync(user.Id), $"Two-factor sign-in reset for {user.Email}.");
        }
    }

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Cancel") == true;

    private async Task ReportAsync(OperationResult result, string success)
    {
        if (result.Succeeded)
        {
            Snackbar.Add(success, Severity.Success);
        }
        else
        {
            foreach (var error in result.Errors)
            {
                Snackbar.Add(error, Severity.Error);
            }
        }
        await ReloadAsync();
    }

    private Task ReloadAsync() => grid?.ReloadServerData() ?? Task.CompletedTask;
}
