using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl.Import;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CrmGovernance.Web.Features.ChangeControl;

public sealed partial class VersionsPage
{
    private MudDataGrid<ConfigurationVersionSummary>? grid;
    private IReadOnlyList<ItemDiff> diff = [];
    private int latest;
    private int fromVersion;
    private int toVersion;
    private bool mayDraft;
    private string? error;

    [Inject] private VersionHistoryService History { get; set; } = default!;
    [Inject] private GovernanceReader Reader { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ConfigurationImportService Yaml { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;

    [SupplyParameterFromQuery(Name = "from")] private int? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] private int? To { get; set; }

    protected override async Task OnInitializedAsync()
    {
        latest = (await Reader.PublishedAsync()).Version;
        mayDraft = ChangeControlAccess.MayDraft(Actor);
        toVersion = Math.Clamp(To ?? latest, 0, latest);
        fromVersion = Math.Clamp(From ?? toVersion - 1, 0, latest);
        await LoadDiffAsync();
    }

    private async Task<GridData<ConfigurationVersionSummary>> LoadAsync(GridState<ConfigurationVersionSummary> state, CancellationToken cancellationToken)
    {
        var page = await History.ListAsync(state.Page, state.PageSize, cancellationToken);
        return new GridData<ConfigurationVersionSummary> { Items = page.Items, TotalItems = page.Total };
    }

    private Task Compare(int number) => SetRangeAsync(number - 1, number);

    private async Task SetRangeAsync(int from, int to)
    {
        (fromVersion, toVersion) = (Math.Clamp(from, 0, latest), Math.Clamp(to, 0, latest));
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["from"] = fromVersion, ["to"] = toVersion }), replace: true);
        await LoadDiffAsync();
    }

    private async Task LoadDiffAsync() => diff = latest == 0 ? [] : await History.DiffAsync(fromVersion, toVersion);

    private async Task ExportYamlAsync(int number) =>
        await BrowserDownload.SaveAsync(JS, $"crmgovernance-v{number}.yaml", "application/yaml", System.Text.Encoding.UTF8.GetBytes(await Yaml.ExportAsync(number)));

    private async Task RestoreAsync(int number)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync("Restore version " + number,
            $"This drafts a change request that turns version {latest} back into version {number}. Nothing changes until someone else approves it.",
            yesText: "Draft the rollback", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        try
        {
            Navigation.NavigateTo($"change-requests/{await History.CreateRollbackAsync(number)}");
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException)
        {
            error = ex.Message;
        }
    }
}
