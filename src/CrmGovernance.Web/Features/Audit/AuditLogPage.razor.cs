using System.Globalization;
using CrmGovernance.Core.Features.Audit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Audit;

public sealed partial class AuditLogPage
{
    private MudDataGrid<AuditEntry>? grid;
    private IReadOnlyList<string> entityTypes = [];

    [Inject] private AuditLogService AuditLog { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // Filters live in the query string, so a filtered view is a link that can be shared.
    [SupplyParameterFromQuery(Name = "from")] private string? FromText { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private string? ToText { get; set; }
    [SupplyParameterFromQuery(Name = "actor")] private string? Actor { get; set; }
    [SupplyParameterFromQuery(Name = "entity")] private string? Entity { get; set; }
    [SupplyParameterFromQuery(Name = "id")] private string? EntityId { get; set; }
    [SupplyParameterFromQuery(Name = "action")] private string? Action { get; set; }

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

    protected override async Task OnInitializedAsync() => entityTypes = await AuditLog.EntityTypesAsync();

    private async Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken cancellationToken)
    {
        var filter = new AuditLogFilter(
            From is { } f ? DateTime.SpecifyKind(f.Date, DateTimeKind.Utc) : null,
            To is { } t ? DateTime.SpecifyKind(t.Date.AddDays(1), DateTimeKind.Utc) : null,
            Actor, Entity, EntityId, Action);
        var page = await AuditLog.QueryAsync(filter, state.Page, state.PageSize, cancellationToken);
        return new GridData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task SetFilterAsync(System.Action apply)
    {
        apply();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["from"] = FromText, ["to"] = ToText, ["actor"] = Nullify(Actor), ["entity"] = Nullify(Entity),
            ["id"] = Nullify(EntityId), ["action"] = Nullify(Action),
        }), replace: true);
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private static string? Nullify(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static DateTime? ParseDate(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string? FormatDate(DateTime? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
