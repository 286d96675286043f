using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Audit.Export.Jobs;
using CrmGovernance.Core.Features.Audit.Export;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Audit;

/// <summary>
/// Lists the user's exports, newest first, and follows them on their operations events (progress and end): the export
/// runs in the background, so the user may leave the page and find its state here when they come back.
/// </summary>
public sealed partial class AuditExportsPanel : IDisposable
{
    private const int Shown = 20;

    private IReadOnlyList<AuditExport>? exports;
    private int total;
    private IDisposable? following;

    [Inject] private AuditExportService Exports { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private OperationsEventBroadcaster Events { get; set; } = default!;

    protected override Task OnInitializedAsync()
    {
        // Prerendering is a single response: only a live circuit follows exports. It listens before it reads.
        if (RendererInfo.IsInteractive)
        {
            following = Events.Subscribe(e => e is ExportProgressed p && Shows(p.ExportId) || e is ExportFinished f && Shows(f.ExportId)
                ? InvokeAsync(RefreshAsync)
                : Task.CompletedTask);
        }
        return LoadAsync();
    }

    /// <summary>Reloads the list now (after an export was started).</summary>
    public async Task RefreshAsync()
    {
        await LoadAsync();
        StateHasChanged();
    }

    /// <summary>Only the user's own exports in the list concern the panel.</summary>
    private bool Shows(Guid exportId) => Volatile.Read(ref exports)?.Any(e => e.Id == exportId) == true;

    private async Task LoadAsync()
    {
        var page = await Exports.MineAsync(0, Shown);
        (exports, total) = (page.Items, page.Total);
    }

    private async Task CancelAsync(Guid id)
    {
        var cancelled = await Exports.CancelAsync(id);
        Snackbar.Add(cancelled ? "Export cancelled; its partial file was deleted." : "That export had already finished.", cancelled ? Severity.Info : Severity.Warning);
        await LoadAsync();
    }

    public void Dispose()
    {
        following?.Dispose();
        following = null;
    }
}
