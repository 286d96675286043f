using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Audit;

/// <summary>
/// Lists the user's exports, newest first, and follows them with a poll a second while any is queued or running: the
/// export runs in the background, so the user may leave the page and find its state here when they come back.
/// </summary>
public sealed partial class AuditExportsPanel : IDisposable
{
    private const int Shown = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private IReadOnlyList<AuditExport>? exports;
    private int total;
    private CancellationTokenSource? polling;

    [Inject] private AuditExportService Exports { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => LoadAsync();

    /// <summary>Reloads the list now (after an export was started) and follows it while any export is active.</summary>
    public async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var page = await Exports.MineAsync(0, Shown);
        (exports, total) = (page.Items, page.Total);
        // Prerendering is a single response: only a live circuit can follow exports.
        if (exports.Any(AuditExportFormat.IsActive) && polling is null && RendererInfo.IsInteractive)
        {
            polling = new CancellationTokenSource();
            _ = FollowAsync(polling.Token);
        }
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var page = await Exports.MineAsync(0, Shown, cancellationToken);
                await InvokeAsync(() =>
                {
                    (exports, total) = (page.Items, page.Total);
                    StateHasChanged();
                });
                if (!page.Items.Any(AuditExportFormat.IsActive))
                {
                    StopPolling();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The user left the page; the export goes on in the background.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task CancelAsync(Guid id)
    {
        var cancelled = await Exports.CancelAsync(id);
        Snackbar.Add(cancelled ? "Export cancelled; its partial file was deleted." : "That export had already finished.", cancelled ? Severity.Info : Severity.Warning);
        await LoadAsync();
    }

    private void StopPolling()
    {
        polling?.Cancel();
        polling?.Dispose();
        polling = null;
    }

    public void Dispose() => StopPolling();
}
