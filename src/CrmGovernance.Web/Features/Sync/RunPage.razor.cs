using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>One run: its summary, followed live while it runs (on its operations events), and what happened to each record.</summary>
public sealed partial class RunPage : IDisposable
{
    private SyncRun? run;
    private IReadOnlyDictionary<string, string>? labels;
    private bool loaded;
    private MudDataGrid<RecordOutcome>? grid;
    private IDisposable? following;

    [Parameter] public long Id { get; set; }
    [Inject] private SyncRunQueries Runs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private OperationsEventBroadcaster Events { get; set; } = default!;

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
        StopFollowing();
        // Prerendering is a single response: only a live circuit can follow the run. It listens before it reads, so an
        // end that comes in between is not missed.
        var id = Id;
        if (RendererInfo.IsInteractive)
        {
            following = Events.Subscribe(e => e is RunProgressed p && p.RunId == id || e is RunFinished f && f.RunId == id ? RefreshAsync(id) : Task.CompletedTask);
        }
        run = await Runs.GetAsync(Id);
        labels = run is null ? null : await Runs.FieldLabelsAsync(run.Id);
        loaded = true;
        if (run?.Status != SyncRunStatus.Running)
        {
            StopFollowing();
        }
    }

    private Task RefreshAsync(long id) => InvokeAsync(async () =>
    {
        if (id != Id || following is null)
        {
            return; // Another run is shown now, or this one ended already.
        }
        run = await Runs.GetAsync(id);
        StateHasChanged();
        if (run is null || run.Status != SyncRunStatus.Running)
        {
            StopFollowing();
            if (grid is not null)
            {
                await grid.ReloadServerData();
            }
        }
    });

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

    private void StopFollowing()
    {
        following?.Dispose();
        following = null;
    }

    public void Dispose() => StopFollowing();
}
