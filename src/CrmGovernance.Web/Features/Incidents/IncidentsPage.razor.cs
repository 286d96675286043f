using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Incidents;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Incidents;

/// <summary>Every incident, active ones first by default, filtered in the query string, refreshed live when one changes.</summary>
public sealed partial class IncidentsPage : IDisposable
{
    private const string Active = "active", All = "all";
    private MudDataGrid<IncidentRow>? grid;
    private IncidentMetricsBar? metrics;
    private IDisposable? following;
    private bool mayReport;

    [Inject] private IncidentQueries Incidents { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private OperationsEventBroadcaster Events { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    // Filters live in the query string, so a filtered view is a link that can be shared.
    [SupplyParameterFromQuery(Name = "state")] private string? StateText { get; set; }
    [SupplyParameterFromQuery(Name = "severity")] private string? SeverityText { get; set; }
    [SupplyParameterFromQuery(Name = "cause")] private string? CauseText { get; set; }
    [SupplyParameterFromQuery(Name = "owner")] private string? OwnerText { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Text { get; set; }

    private IncidentSeverity? SeverityFilter
    {
        get => Enum.TryParse<IncidentSeverity>(SeverityText, ignoreCase: true, out var s) ? s : null;
        set => SeverityText = value?.ToString();
    }

    private IncidentCause? CauseFilter
    {
        get => Enum.TryParse<IncidentCause>(CauseText, ignoreCase: true, out var c) ? c : null;
        set => CauseText = value?.ToString();
    }

    private bool Mine => string.Equals(OwnerText, "mine", StringComparison.OrdinalIgnoreCase);

    private bool IsDefaultView => StateText is null && SeverityFilter is null && CauseFilter is null && !Mine && string.IsNullOrWhiteSpace(Text);

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    protected override void OnInitialized()
    {
        mayReport = Actor.Holds(Capability.ReportIncidents);
        // Prerendering is a single response: only a live circuit follows incidents.
        if (RendererInfo.IsInteractive)
        {
            following = Events.Subscribe(e => e is IncidentChanged ? ReloadAsync() : Task.CompletedTask);
        }
    }

    private IncidentFilter Filter()
    {
        var state = StateText is null or Active ? (IncidentState?)null
            : Enum.TryParse<IncidentState>(StateText, ignoreCase: true, out var s) ? s : null;
        return new IncidentFilter
        {
            ActiveOnly = StateText is null || string.Equals(StateText, Active, StringComparison.OrdinalIgnoreCase),
            State = state,
            Severity = SeverityFilter,
            Cause = CauseFilter,
            Owner = Mine ? Actor.Name : null,
            Text = string.IsNullOrWhiteSpace(Text) ? null : Text,
        };
    }

    private async Task<GridData<IncidentRow>> LoadAsync(GridState<IncidentRow> state, CancellationToken cancellationToken)
    {
        var page = await Incidents.ListAsync(Filter(), state.Page, state.PageSize, cancellationToken);
        return new GridData<IncidentRow> { Items = page.Items, TotalItems = page.Total };
    }

    private void Open(DataGridRowClickEventArgs<IncidentRow> args) => Navigation.NavigateTo($"incidents/{args.Item.Id}");

    private Task ReloadAsync() => InvokeAsync(async () =>
    {
        if (following is null)
        {
            return;
        }
        if (metrics is not null)
        {
            await metrics.ReloadAsync();
        }
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
        StateHasChanged();
    });

    private async Task ReportAsync()
    {
        if (await ReportProblemDialog.ShowAsync(Dialogs) is { } id)
        {
            Navigation.NavigateTo($"incidents/{id}");
        }
    }

    private async Task SetFilterAsync(Action apply)
    {
        apply();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["state"] = StateText, ["severity"] = SeverityText, ["cause"] = CauseText, ["owner"] = OwnerText,
            ["q"] = string.IsNullOrWhiteSpace(Text) ? null : Text,
        }), replace: true);
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    public void Dispose()
    {
        following?.Dispose();
        following = null;
    }
}
