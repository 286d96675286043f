using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Insights.Comparison;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Insights;

/// <summary>A configuration version's before/after comparison; the number of days each side is in the query string.</summary>
public sealed partial class VersionComparisonPage
{
    private static readonly int[] DayChoices = [7, 14, 28];

    private VersionComparison? comparison;
    private string? problem;
    private List<BreadcrumbItem> crumbs = [];
    private (int Number, int Days)? loaded;

    [Inject] private InsightsComparison Comparisons { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;

    [Parameter] public int Number { get; set; }

    [SupplyParameterFromQuery(Name = "days")] private int? DaysParameter { get; set; }

    private int Days => DaysParameter ?? InsightsComparison.DefaultDays;

    protected override async Task OnParametersSetAsync()
    {
        crumbs = [new("Insights", "insights"), new($"Version {Number}", null, disabled: true)];
        if (loaded != (Number, Days))
        {
            await LoadAsync();
        }
    }

    private async Task SetDaysAsync(int days)
    {
        DaysParameter = days;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("days", days), replace: true);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        (comparison, problem, loaded) = (null, null, (Number, Days));
        try
        {
            comparison = await Comparisons.CompareAsync(Number, Days);
        }
        catch (Exception e) when (e is KeyNotFoundException or ArgumentException or UnauthorizedAccessException)
        {
            problem = e.Message;
        }
    }

    private static string Per(ComparisonRow row, double? value) => InsightsFormat.Value(row.Unit, value);

    /// <summary>The four numbers of a row, each with its side (changed flows or control, before or after) and its data-figure name.</summary>
    private static (string Name, bool Changed, bool After, double? Value)[] Cells(ComparisonRow row) =>
    [
        ("changed-before", true, false, row.ChangedBefore),
        ("changed-after", true, true, row.ChangedAfter),
        ("control-before", false, false, row.ControlBefore),
        ("control-after", false, true, row.ControlAfter),
    ];
}
