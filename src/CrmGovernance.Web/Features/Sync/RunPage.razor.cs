using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>One run: its summary, followed live while it runs (a poll a second), and what happened to each record.</summary>
public sealed partial class RunPage : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private SyncRun? run;
    private IReadOnlyDictionary<string, string>? labels;
    private bool loaded;
    private MudDataGrid<RecordOutcome>? grid;
    private CancellationTokenSource? polling;

    [Parameter] public long Id { get; set; }
    [Inject] private SyncRunQueries Runs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "outcome")] private string? OutcomeText { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }

    private OutcomeKind? OutcomeFilter
    {
        get => Enum.TryParse<OutcomeKind>(OutcomeText, ignoreCase: true, out var o) ? o : null;
        set => OutcomeText = value?.ToString();
    }

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnParametersSetAsync()
    {
        if (run?.Id == Id)
        {
            return; // Only the query string changed: the grid reloads itself.
        }
        StopPolling();
        run = await Runs.GetAsync(Id);
        labels = run is null ? null : await Runs.FieldLabelsAsync(run.Id);
        loaded = true;
        // Prerendering is a single response: only a live circuit can follow the run.
        if (run?.Status == SyncRunStatus.Running && RendererInfo.IsInteractive)
        {
            polling = new CancellationTokenSource();
            _ = FollowAsync(Id, polling.Token);
        }
    }

    private async Task FollowAsync(long id, CancellationToken cancellationToken)
    {
        try
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var latest = await Runs.GetAsync(id, cancellationToken);
                var finished = latest is null || latest.Status != SyncRunStatus.Running;
                await InvokeAsync(async () =>
                {
                    run = latest;
                    StateHasChanged();
                    if (finished && grid is not null)
                    {
                        await grid.ReloadServerData();
                    }
                });
                if (finished)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The user left the page, or opened another run.
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task<GridData<RecordOutcome>> LoadAsync(GridState<RecordOutcome> state, CancellationToken cancellationToken)
    {
        var page = await Runs.OutcomesAsync(Id, new RecordOutcomeFilter(OutcomeFilter, Search), state.Page, state.PageSize, cancellationToken);
        return new GridData<RecordOutcome> { Items = page.Items, TotalItems = page.Total };
    }

    private Task ShowOutcomeAsync(OutcomeKind outcome) => SetFilterAsync(() => OutcomeFilter = outcome);

    private async Task SetFilterAsync(Action apply)
    {
        apply();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["outcome"] = OutcomeText, ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        }), replace: true);
        if (grid is not null)
        {
            await grid.ReloadServerData();
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
