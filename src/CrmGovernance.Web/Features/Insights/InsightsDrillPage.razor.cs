using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// From a number to the runs behind it, and from there to the records counted, with the dashboard's filters
/// (<c>?card=…&amp;from=…&amp;to=…&amp;object=…&amp;flow=…&amp;system=…&amp;reason=…&amp;run=…</c>). The runs' totals equal the card's figure.
/// A figure runs do not make lists its units instead (<see cref="InsightsDrillItems"/>), whose totals equal it too.
/// </summary>
public sealed partial class InsightsDrillPage
{
    private InsightsQuery query = new(InsightsFilter.LastDays(DateOnly.FromDateTime(DateTime.UtcNow), InsightsQuery.DefaultDays), null);
    private InsightCards.Definition? definition;
    private DrillMetric? metric;
    private string? problem;
    private DrillRuns? totals;
    private string? loadedUri;
    private InsightsChoices choices = InsightsChoices.None;
    private MudDataGrid<DrillRun>? runsGrid;
    private List<BreadcrumbItem> crumbs = [];

    [Inject] private InsightsDrill Drill { get; set; } = default!;
    [Inject] private PublishedConfiguration Published { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "card")] private string? Card { get; set; }
    [SupplyParameterFromQuery(Name = "reason")] private string? Reason { get; set; }
    [SupplyParameterFromQuery(Name = "run")] private long? Run { get; set; }

    private DrillQueryString narrowed = new(null, null, null);

    // Kept, not rebuilt per render: the lists reload when the query changes.
    private DrillQuery DrillQuery { get; set; } = new("", InsightsFilter.LastDays(DateOnly.FromDateTime(DateTime.UtcNow), 1));

    private string CountedTitle => metric?.Card switch
    {
        InsightCards.SuccessRate => "Succeeded",
        InsightCards.Freshness => "On time",
        InsightCards.Completeness => "Mandatory fields filled",
        InsightCards.LeadResponseP50 or InsightCards.LeadResponseP90 => "Leads",
        _ => "Counted",
    };

    protected override async Task OnInitializedAsync()
    {
        var configuration = (await Published.CurrentAsync()).Configuration;
        choices = new InsightsChoices(configuration, InsightsScope.For(Actor, configuration));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Navigation.Uri == loadedUri)
        {
            return;
        }
        loadedUri = Navigation.Uri;
        query = InsightsQuery.Parse(Navigation.Uri, DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime));
        narrowed = DrillQueryString.Parse(Navigation.Uri);
        DrillQuery = new(Card ?? "", query.Filter, string.IsNullOrWhiteSpace(Reason) ? null : Reason, narrowed.Window, narrowed.Flows);
        definition = DrillFigures.Find(Card ?? "");
        (problem, metric, totals) = (query.Problem is null ? narrowed.Problem : query.Problem + (narrowed.Problem is { } n ? " " + n : ""), null, null);
        crumbs = [new("Insights", "insights" + InsightsQuery.QueryString(query.Filter)), new(definition?.Title ?? "Figure", null, disabled: true)];
        if (definition is null)
        {
            problem = $"There is no figure \"{Card}\" on the dashboard. Open a number from the dashboard to see what makes it.";
            return;
        }
        metric = DrillMetric.For(definition.Key);
        if (runsGrid is not null)
        {
            await runsGrid.ReloadServerData();
        }
    }

    private async Task<GridData<DrillRun>> LoadRunsAsync(GridState<DrillRun> state, CancellationToken cancellationToken)
    {
        var before = (totals?.Total, totals?.Counted, totals?.Of, problem);
        try
        {
            totals = await Drill.RunsAsync(DrillQuery, state.Page, state.PageSize, cancellationToken);
            return new GridData<DrillRun> { Items = totals.Items, TotalItems = totals.Total };
        }
        catch (Exception e) when (e is UnauthorizedAccessException or ArgumentException)
        {
            (problem, totals) = (e.Message, null);
            return new GridData<DrillRun> { Items = [], TotalItems = 0 };
        }
        finally
        {
            // The totals sit outside the grid: render them when they change (only then, so the grid is not asked again).
            if (before != (totals?.Total, totals?.Counted, totals?.Of, problem))
            {
                StateHasChanged();
            }
        }
    }

    private string RecordsHref(long? run) => Navigation.GetUriWithQueryParameter("run", run);

    private string Describe()
    {
        var f = query.Filter;
        var parts = new List<string>
        {
            narrowed.Window is { } w ? $"{DrillQueryString.Text(w.FromUtc)} to {DrillQueryString.Text(w.ToUtc)} (UTC, end excluded)" : InsightsFormat.Period(f.From, f.To) + " (UTC days)",
        };
        if (f.ObjectId is { } o)
        {
            parts.Add("object " + choices.NameOf(o));
        }
        if (f.FlowId is { } fl)
        {
            parts.Add("flow " + choices.NameOf(fl));
        }
        if (f.SystemId is { } s)
        {
            parts.Add("system " + choices.NameOf(s));
        }
        if (narrowed.Flows is { } set)
        {
            parts.Add((set.Ids.Count == 1 ? "flow " : "flows ") + string.Join(", ", set.Ids.Select(choices.NameOf)));
        }
        if (!string.IsNullOrWhiteSpace(Reason))
        {
            parts.Add("reason \"" + Reason + "\"");
        }
        return string.Join(", ", parts) + ".";
    }
}
