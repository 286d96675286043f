using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Quality.Fields;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Quality;

/// <summary>Every field the user answers for, with its use, fill, last change and flags; filters kept in the query string.</summary>
public sealed partial class FieldRationalisationPage
{
    private MudDataGrid<FieldRationalisationRow>? grid;
    private IReadOnlyList<(Guid Id, string Name)> systems = [], objects = [];
    private bool mayDraft, mayReadConfiguration;

    [SupplyParameterFromQuery(Name = "system")] public Guid? SystemId { get; set; }
    [SupplyParameterFromQuery(Name = "object")] public Guid? ObjectId { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Search { get; set; }
    [SupplyParameterFromQuery(Name = "flagged")] public bool Flagged { get; set; }

    [Inject] private FieldRationalisationService Fields { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;

    private FieldRationalisationFilter Filter => new(SystemId, ObjectId, Flagged, Search);

    private bool Filtered => SystemId is not null || ObjectId is not null || Flagged || !string.IsNullOrWhiteSpace(Search);

    private string ExportHref => Navigation.GetUriWithQueryParameters(FieldRationalisationExportEndpoint.Pattern.TrimStart('/'), Query());

    protected override async Task OnInitializedAsync()
    {
        (systems, objects) = await Fields.FiltersAsync();
        mayDraft = Actor.Holds(Capability.DraftChanges);
        mayReadConfiguration = Actor.Holds(Capability.ReadConfiguration);
    }

    private Dictionary<string, object?> Query() => new()
    {
        ["system"] = SystemId, ["object"] = ObjectId, ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search, ["flagged"] = Flagged ? "true" : null,
    };

    private async Task<GridData<FieldRationalisationRow>> LoadAsync(GridState<FieldRationalisationRow> state, CancellationToken cancellationToken)
    {
        var page = await Fields.ListAsync(Filter, state.Page, state.PageSize, cancellationToken);
        return new GridData<FieldRationalisationRow> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task FilterAsync(Action change)
    {
        change();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(Query()), replace: true);
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private static string Name(IReadOnlyList<(Guid Id, string Name)> items, Guid? id) =>
        id is null ? "" : items.FirstOrDefault(i => i.Id == id).Name ?? "";

    /// <summary>The flag's reason up to its colon, in lower case: "used by nothing", "never filled", "rarely filled".</summary>
    private static string FlagName(FieldFlag flag) => flag.Reason.Split(':', 2)[0].ToLowerInvariant();

    /// <summary>Where a use can be opened: the flow of a mapping, rule or match key; the object of a match rule or source of truth.</summary>
    private static string? LinkOf(FieldRationalisationRow row, FieldUse use) => use.FlowId is { } flow
        ? $"flows/{flow}"
        : use.ItemKind is ConfigurationItemKind.MatchRule or ConfigurationItemKind.SourceOfTruth ? $"objects/{row.ObjectId}" : null;
}
