using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.ErrorQueue;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Sync;

public sealed partial class ErrorQueuePage
{
    private const string AnyStatus = "any";

    private MudDataGrid<ErrorQueueRow>? grid;
    private HashSet<ErrorQueueRow> selected = [];
    private GovernanceConfiguration configuration = GovernanceConfiguration.Empty;
    private IReadOnlyList<OpenErrorCount> openByFlow = [];
    private int inboundWithoutFlow;
    private bool busy;

    [Inject] private ErrorQueueService Queue { get; set; } = default!;
    [Inject] private SyncRunner Runner { get; set; } = default!;
    [Inject] private PublishedConfiguration Published { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    // Filters live in the query string; no status means open items, "any" means every status.
    [SupplyParameterFromQuery(Name = "status")] private string? StatusText { get; set; }
    [SupplyParameterFromQuery(Name = "kind")] private string? KindText { get; set; }
    [SupplyParameterFromQuery(Name = "flow")] private Guid? Flow { get; set; }
    [SupplyParameterFromQuery(Name = "q")] private string? Search { get; set; }

    private ErrorStatus? StatusFilter =>
        string.Equals(StatusText, AnyStatus, StringComparison.OrdinalIgnoreCase) ? null
        : Enum.TryParse<ErrorStatus>(StatusText, ignoreCase: true, out var s) ? s : ErrorStatus.Open;

    private ErrorKind? KindFilter
    {
        get => Enum.TryParse<ErrorKind>(KindText, ignoreCase: true, out var k) ? k : null;
        set => KindText = value?.ToString();
    }

    private bool IsDefaultView => StatusFilter == ErrorStatus.Open && KindFilter is null && Flow is null && string.IsNullOrWhiteSpace(Search);

    protected override async Task OnInitializedAsync()
    {
        configuration = (await Published.CurrentAsync()).Configuration;
        await LoadCountsAsync();
    }

    private async Task<GridData<ErrorQueueRow>> LoadAsync(GridState<ErrorQueueRow> state, CancellationToken cancellationToken)
    {
        var page = await Queue.ListAsync(new ErrorQueueFilter(StatusFilter, KindFilter, Flow, Search), state.Page, state.PageSize, cancellationToken);
        return new GridData<ErrorQueueRow> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task LoadCountsAsync()
    {
        var counts = await Queue.OpenCountsByFlowAsync();
        openByFlow = counts.Where(c => c.FlowId is not null).GroupBy(c => c.FlowId)
            .Select(g => g.First() with { Count = g.Sum(c => c.Count) }).ToList();
        inboundWithoutFlow = counts.Where(c => c.FlowId is null).Sum(c => c.Count);
    }

    private string FlowName(Guid? flowId, string? systemKey, string? objectKey) =>
        flowId is { } id && configuration.FindFlow(id) is { } flow ? flow.Name
        : !string.IsNullOrEmpty(systemKey) ? $"{systemKey} · {objectKey}"
        : "no flow";

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..119] + "…";

    private Task ReplaySelectedAsync()
    {
        var plan = ReplaySelection.Of(selected);
        if (plan.WithoutFlow > 0)
        {
            Snackbar.Add($"{OperationsFormat.Count(plan.WithoutFlow)} inbound payload(s) belong to no flow and cannot be replayed: fix the sender and let it send again.", Severity.Warning);
        }
        if (plan.NotOpen > 0)
        {
            Snackbar.Add($"{OperationsFormat.Count(plan.NotOpen)} selected item(s) are already resolved or discarded.", Severity.Info);
        }
        return ReplayAsync(plan.ByFlow.Select(p => (p.Key, (IReadOnlyCollection<long>?)p.Value)).ToList());
    }

    private Task ReplayFlowAsync(Guid? flowId) => flowId is { } id ? ReplayAsync([(id, null)]) : Task.CompletedTask;

    /// <summary>One replay run per flow, with the current published configuration (<c>null</c> ids: every open item of the flow).</summary>
    private async Task ReplayAsync(IReadOnlyList<(Guid FlowId, IReadOnlyCollection<long>? Ids)> replays)
    {
        busy = true;
        var started = new List<long>();
        try
        {
            foreach (var (flowId, ids) in replays)
            {
                try
                {
                    started.Add(await Runner.StartReplayAsync(flowId, ids, Actor, CancellationToken.None));
                }
                catch (Exception ex) when (ex is FlowBusyException or InvalidOperationException or UnauthorizedAccessException)
                {
                    Snackbar.Add($"{FlowName(flowId, null, null)}: {ex.Message}", Severity.Error);
                }
            }
        }
        finally
        {
            busy = false;
        }
        if (started.Count > 0)
        {
            var runs = string.Join(", ", started.Select(id => "#" + id));
            var target = started.Count == 1 ? $"runs/{started[0]}" : "runs?status=Running";
            Snackbar.Add($"Replay started ({(started.Count == 1 ? "run" : "runs")} {runs}); items leave the queue as the replay resolves them.", Severity.Success, o =>
            {
                o.Action = "Open";
                o.OnClick = _ =>
                {
                    Navigation.NavigateTo(target);
                    return Task.CompletedTask;
                };
            });
        }
        selected = [];
        await ReloadAsync();
    }

    private async Task DiscardSelectedAsync()
    {
        var ids = selected.Where(r => r.Status == ErrorStatus.Open).Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            Snackbar.Add("None of the selected items is open: only open items can be discarded.", Severity.Info);
            return;
        }
        await DiscardAsync(ids);
    }

    /// <summary>Asks why, then discards; the selection and an item's detail both end here.</summary>
    private async Task DiscardAsync(List<long> ids)
    {
        var parameters = new DialogParameters<DiscardDialog> { { d => d.Count, ids.Count } };
        var dialog = await Dialogs.ShowAsync<DiscardDialog>("Discard items", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }
        try
        {
            var discarded = await Queue.DiscardAsync(ids, reason);
            Snackbar.Add(discarded == 0 ? "Nothing was discarded: the item(s) were no longer open." : $"Discarded {OperationsFormat.Count(discarded)} item(s).",
                discarded == 0 ? Severity.Info : Severity.Success);
        }
        catch (Exception ex) when (ex is ArgumentException or UnauthorizedAccessException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        selected = [];
        await ReloadAsync();
    }

    private async Task ShowAsync(ErrorQueueRow row)
    {
        var parameters = new DialogParameters<ErrorItemDialog>
        {
            { d => d.Id, row.Id },
            { d => d.FlowName, FlowName(row.FlowId, row.SystemKey, row.ObjectKey) },
        };
        var dialog = await Dialogs.ShowAsync<ErrorItemDialog>($"Error-queue item {row.Id}", parameters, new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true, CloseButton = true });
        switch (await dialog.Result)
        {
            case { Canceled: false, Data: ErrorItemAction.Replay } when row.FlowId is { } flowId:
                await ReplayAsync([(flowId, [row.Id])]);
                break;
            case { Canceled: false, Data: ErrorItemAction.Discard }:
                await DiscardAsync([row.Id]);
                break;
        }
    }

    private async Task SetFilterAsync(Action apply)
    {
        apply();
        selected = [];
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["status"] = StatusText == nameof(ErrorStatus.Open) ? null : StatusText, ["kind"] = KindText, ["flow"] = Flow,
            ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search,
        }), replace: true);
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }

    private async Task ReloadAsync()
    {
        await LoadCountsAsync();
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }
}
