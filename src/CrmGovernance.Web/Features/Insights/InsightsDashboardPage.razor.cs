using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Insights.Dashboard;
using Microsoft.AspNetCore.Components;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>
/// The manager dashboard. Its filters live in the query string (a view is a link); a change replaces the URL and
/// reloads, and a link followed to this page (back, forward, a shared URL) reloads from its query string.
/// </summary>
public sealed partial class InsightsDashboardPage
{
    private InsightsQuery query = new(InsightsFilter.LastDays(DateOnly.FromDateTime(DateTime.UtcNow), InsightsQuery.DefaultDays), null);
    private InsightsChoices choices = InsightsChoices.None;
    private DashboardData? data;
    private string? refusal;
    private bool loading = true;
    private string? loadedUri;

    [Inject] private InsightsDashboard Dashboard { get; set; } = default!;
    [Inject] private PublishedConfiguration Published { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    /// <summary>The workbook of what the page shows: the same filters, in the same query string.</summary>
    private string ExportHref => "insights/export.xlsx" + new Uri(Navigation.Uri).Query;

    // Declared so that a navigation changing only the query string sets parameters again; the values are read by InsightsQuery.
    [SupplyParameterFromQuery(Name = "from")] private string? FromText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "object")] private string? ObjectText { get; set; }
    [SupplyParameterFromQuery(Name = "flow")] private string? FlowText { get; set; }
    [SupplyParameterFromQuery(Name = "system")] private string? SystemText { get; set; }
    [SupplyParameterFromQuery(Name = "baselineFrom")] private string? BaselineFromText { get; set; }
    [SupplyParameterFromQuery(Name = "baselineTo")] private string? BaselineToText { get; set; }

    private DateOnly Today => DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);

    protected override async Task OnInitializedAsync()
    {
        query = InsightsQuery.Parse(Navigation.Uri, Today);
        var configuration = (await Published.CurrentAsync()).Configuration;
        choices = new InsightsChoices(configuration, InsightsScope.For(Actor, configuration));
    }

    protected override async Task OnParametersSetAsync()
    {
        if (Navigation.Uri != loadedUri)
        {
            loadedUri = Navigation.Uri;
            query = InsightsQuery.Parse(Navigation.Uri, Today);
            await LoadAsync();
        }
    }

    private async Task SetFilterAsync(InsightsFilter next)
    {
        // Remembered before navigating: the location change that follows finds this view already loaded.
        loadedUri = Navigation.GetUriWithQueryParameters(InsightsQuery.Parameters(next));
        Navigation.NavigateTo(loadedUri, replace: true);
        query = new InsightsQuery(next, next.Problem());
        await LoadAsync();
    }

    private Task ReloadAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        refusal = null;
        if (query.Filter.Problem() is not null)
        {
            // Nothing to show for a period that cannot be shown; the filters keep what was chosen and the message says why.
            data = null;
            loading = false;
            return;
        }
        loading = true;
        try
        {
            data = await Dashboard.LoadAsync(query.Filter);
        }
        catch (UnauthorizedAccessException e)
        {
            (data, refusal) = (null, e.Message);
        }
        catch (ArgumentException e)
        {
            (data, refusal) = (null, e.Message);
        }
        finally
        {
            loading = false;
        }
    }
}
