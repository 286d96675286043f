using System.Globalization;
using CrmGovernance.Core.Features.Audit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Audit;

public sealed partial class AuditLogPage
{
    private MudDataGrid<AuditLogRow>? grid;
    private AuditExportsPanel? exportsPanel;
    private IReadOnlyList<string> entityTypes = [];
    private IReadOnlyList<string> sources = [];
    private IReadOnlyList<string> actors = [];

    [Inject] private AuditLogService AuditLog { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // Filters live in the query string, so a filtered view is a link that can be shared.
    [SupplyParameterFromQuery(Name = "from")] private string? FromText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "actor")] private string? Actor { get; set; }
    [SupplyParameterFromQuery(Name = "entity")] private string? Entity { get; set; }
    [SupplyParameterFromQuery(Name = "id")] private string? EntityId { get; set; }
    [SupplyParameterFromQuery(Name = "action")] private string? Action { get; set; }
    [SupplyParameterFromQuery(Name = "cr")] private Guid? ChangeRequestId { get; set; }
    [SupplyParameterFromQuery(Name = "source")] private string? Source { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }

    private DateTime? From
    {
        get => ParseDate(FromText);
        set => FromText = FormatDate(value);
    }

    private DateTime? To
    {
        get => ParseDate(ToText);
        set => ToText = FormatDate(value);
    }

    /// <summary>The filter as the grid and the export read it: a "to" date includes that whole day.</summary>
    private AuditLogFilter CurrentFilter => new(
        From is { } f ? DateTime.SpecifyKind(f.Date, DateTimeKind.Utc) : null,
        To is { } t ? DateTime.SpecifyKind(t.Date.AddDays(1), DateTimeKind.Utc) : null,
        Nullify(Actor), Nullify(Entity), Nullify(EntityId), Nullify(Action), ChangeRequestId, Nullify(Source), Nullify(Search));

    protected override async Task OnInitializedAsync()
    {
        entityTypes = await AuditLog.EntityTypesAsync();
        sources = await AuditLog.SourcesAsync();
        actors = await AuditLog.ActorsAsync();
    }

    private async Task<GridData<AuditLogRow>> LoadAsync(GridState<AuditLogRow> state, CancellationToken cancellationToken)
    {
        var filter = CurrentFilter;
        var page = await AuditLog.PageAsync(filter, state.Page, state.PageSize, cancellationToken);
        // Checked on the first page; later pages of the same search keep the answer.
        var capped = filter.Search is not null && (state.Page == 0 ? await AuditLog.SearchExceedsLimitAsync(filter, cancellationToken) : searchCapped);
        if (capped != searchCapped)
        {
            searchCapped = capped;
            StateHasChanged();
        }
        return new GridData<AuditLogRow> { Items = page.Items, TotalItems = page.Total };
    }

    // More rows hold the searched words than the page searches: it shows the newest of them and says so.
    private bool searchCapped;

    private Task<IEnumerable<string>> SearchActorsAsync(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(string.IsNullOrWhiteSpace(text) ? actors : actors.Where(a => a.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)));

    private async Task SetFilterAsync(System.Action apply)
    {
        apply();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = FromText, ["to"] = ToText, ["actor"] = Nullify(Actor), ["entity"] = Nullify(Entity),
            ["id"] = Nullify(EntityId), ["action"] = Nullify(Action), ["cr"] = ChangeRequestId, ["source"] = Nullify(Source),
            ["q"] = Nullify(Search),
        }), replace: true);
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private Task ExportStartedAsync() => exportsPanel?.RefreshAsync() ?? Task.CompletedTask;

    private static string? Nullify(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateTime? ParseDate(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? FormatDate(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
