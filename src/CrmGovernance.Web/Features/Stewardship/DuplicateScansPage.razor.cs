using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>Start a duplicate scan and see every scan, the running ones followed live (a poll a second while any is queued or running).</summary>
public sealed partial class DuplicateScansPage : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private MudDataGrid<DuplicateScanView>? grid;
    private ScanChoices? choices;
    private ScanTarget? target;
    private bool starting;
    private bool anyActive;
    private CancellationTokenSource? polling;

    [Inject] private DuplicateScanService Scans { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;

    private bool mayStart;

    protected override async Task OnInitializedAsync()
    {
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
        anyActive = page.Items.Any(v => v.IsActive);
        // Prerendering is a single response: only a live circuit can follow scans.
        if (anyActive && polling is null && RendererInfo.IsInteractive)
        {
            polling = new CancellationTokenSource();
            _ = FollowAsync(polling.Token);
        }
        return new GridData<DuplicateScanView> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task FollowAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    if (grid is not null)
                    {
                        await grid.ReloadServerData();
                    }
                });
                if (!anyActive)
                {
                    StopPolling();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The user left the page.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

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

    private void StopPolling()
    {
        polling?.Cancel();
        polling?.Dispose();
        polling = null;
    }

    public void Dispose() => StopPolling();
}
