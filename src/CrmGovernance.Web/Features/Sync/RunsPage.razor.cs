using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Sync;

public sealed partial class RunsPage
{
    private MudDataGrid<SyncRun>? grid;
    private IReadOnlyList<DataFlow> flows = [];

    [Inject] private SyncRunQueries Runs { get; set; } = default!;
    [Inject] private PublishedConfiguration Published { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    // Filters live in the query string, so a filtered view is a link that can be shared.
    [SupplyParameterFromQuery(Name = "flow")] private Guid? Flow { get; set; }
    [SupplyParameterFromQuery(Name = "status")] private string? StatusText { get; set; }
    [SupplyParameterFromQuery(Name = "dry")] private bool? Dry { get; set; }
    [SupplyParameterFromQuery(Name = "record")] private string? Record { get; set; }

    private SyncRunStatus? StatusFilter
    {
        get => Enum.TryParse<SyncRunStatus>(StatusText, ignoreCase: true, out var s) ? s : null;
        set => StatusText = value?.ToString();
    }

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync() =>
        flows = (await Published.CurrentAsync()).Configuration.Flows.OrderBy(f => f.Name, StringComparer.CurrentCultureIgnoreCase).ToList();

    private async Task<GridData<SyncRun>> LoadAsync(GridState<SyncRun> state, CancellationToken cancellationToken)
    {
        var page = await Runs.ListAsync(new SyncRunFilter(Flow, StatusFilter, Dry), state.Page, state.PageSize, cancellationToken);
        return new GridData<SyncRun> { Items = page.Items, TotalItems = page.Total };
    }

    private void OpenRun(DataGridRowClickEventArgs<SyncRun> args) => Navigation.NavigateTo($"runs/{args.Item.Id}");

    private Task SetRecordAsync(string? record) => SetFilterAsync(() => Record = record);

    private async Task SetFilterAsync(Action apply)
    {
        apply();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["flow"] = Flow, ["status"] = StatusText, ["dry"] = Dry, ["record"] = string.IsNullOrWhiteSpace(Record) ? null : Record,
        }), replace: true);
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }
}
