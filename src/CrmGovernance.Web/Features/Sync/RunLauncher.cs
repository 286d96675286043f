using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Engine;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>The Run now and Dry run buttons: start the run, then open its page to watch it; a refusal comes back as a snackbar.</summary>
public static class RunLauncher
{
    public static async Task StartAsync(SyncRunner runner, SyncRunRequest request, ActorContext caller, NavigationManager navigation, ISnackbar snackbar)
    {
        long id;
        try
        {
            id = await runner.StartAsync(request, caller, CancellationToken.None);
        }
        catch (Exception ex) when (ex is FlowBusyException or InvalidOperationException or UnauthorizedAccessException)
        {
            snackbar.Add(ex.Message, Severity.Error);
            return;
        }
        navigation.NavigateTo($"runs/{id}");
    }
}
