using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>Start a duplicate scan and see every scan, the running ones followed live (the grid reloads on each scan's progress and end).</summary>
public sealed partial class DuplicateScansPage : IDisposable
{
    private MudDataGrid<DuplicateScanView>? grid;
    private ScanChoices? choices;
    private ScanTarget? target;
    private bool starting;
    private IDisposable? following;

    [Inject] private DuplicateScanService Scans { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private OperationsEventBroadcaster Events { get; set; } = default!;

    private bool mayStart;

    protected override async Task OnInitializedAsync()
    {
        // Prerendering is a single response: only a live circuit follows scans.
        if (RendererInfo.IsInteractive)
        {
            following = Events.Subscribe(e => e is ScanProgressed or ScanFinished ? ReloadAsync() : Task.CompletedTask);
        }
        mayStart = Actor.Holds(Capability.RunDuplicateScans);
        if (!mayStart)
        {
            return;
        }
        choices = await Scans.ChoicesAsync();
        target = choices.Targets.Count == 1 ? choices.Targets[0] : null;
    }

    private static string Describe(ScanTarget? choice) => choice is null ? "" : $"{choice.ObjectName} in {choice.SystemName}";

    private async Task<GridData<DuplicateScanView>> LoadAsync(GridState<DuplicateScanView> state, CancellationToken cancellationToken)
    {
        var page = await Scans.ListAsync(state.Page, state.PageSize, cancellationToken);
        return new GridData<DuplicateScanView> { Items = page.Items, TotalItems = page.Total };
    }

    private Task ReloadAsync() => InvokeAsync(async () =>
    {
        if (grid is not null && following is not null)
        {
            await grid.ReloadServerData();
        }
    });

    private async Task StartAsync()
    {
        if (target is null)
        {
            return;
        }
        starting = true;
        try
        {
            var id = await Scans.RequestAsync(target.SystemId, target.ObjectId);
            Navigation.NavigateTo($"duplicate-scans/{id}");
        }
        catch (InvalidOperationException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            starting = false;
        }
    }

    public void Dispose()
    {
        following?.Dispose();
        following = null;
    }
}
