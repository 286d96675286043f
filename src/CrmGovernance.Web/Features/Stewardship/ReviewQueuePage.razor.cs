using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>The review queue: its figures, filters kept in the query string, a server-side paged list, assignment and bulk decisions.</summary>
public sealed partial class ReviewQueuePage
{
    /// <summary>Bulk merges take only pairs scoring at least this: below it a steward should look at each pair.</summary>
    public const double BulkMergeScore = 0.9;

    private MudDataGrid<ReviewQueueRow>? grid;
    private HashSet<ReviewQueueRow> selected = [];
    private ReviewQueueFilter filter = ReviewQueueFilter.Default;
    private GovernanceConfiguration configuration = GovernanceConfiguration.Empty;
    private IReadOnlyList<string> stewards = [];
    private ReviewMetrics? metrics;
    private bool busy;

    [Inject] private ReviewQueueService Queue { get; set; } = default!;
    [Inject] private ReviewDecisions Decisions { get; set; } = default!;
    [Inject] private BulkMerger Merger { get; set; } = default!;
    [Inject] private ReviewMetricsService Metrics { get; set; } = default!;
    [Inject] private PublishedConfiguration Published { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private List<ReviewQueueRow> HighScoring => selected.Where(r => r.Score >= BulkMergeScore && r.IsUndecided).ToList();

    protected override async Task OnInitializedAsync()
    {
        filter = ReviewQueueQuery.Parse(Navigation.Uri);
        configuration = (await Published.CurrentAsync()).Configuration;
        stewards = await Queue.StewardsAsync();
        metrics = await Metrics.MetricsAsync();
    }

    private async Task<GridData<ReviewQueueRow>> LoadAsync(GridState<ReviewQueueRow> state, CancellationToken cancellationToken)
    {
        var page = await Queue.ListAsync(filter, state.Page, state.PageSize, cancellationToken);
        return new GridData<ReviewQueueRow> { Items = page.Items, TotalItems = page.Total };
    }

    private string ItemHref(long id) => $"review-queue/{id}{ReviewQueueQuery.QueryString(filter)}";

    private static string Name(string? name) => name ?? "unknown";

    private string FoundBy(ReviewQueueRow row) =>
        row.ScanId is { } scan ? $"Duplicate scan #{scan}"
        : row.FlowId is { } flow && configuration.FindFlow(flow) is { } f ? f.Name
        : "Sync worker";

    private async Task SetFilterAsync(ReviewQueueFilter next)
    {
        filter = next;
        selected = [];
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(ReviewQueueQuery.Parameters(filter)), replace: true);
        await ReloadAsync();
    }

    private Task AssignAsync(string? assignee) => RunAsync(async () =>
    {
        var changed = await Queue.AssignAsync(selected.Select(r => r.Id).ToList(), assignee);
        Snackbar.Add($"{ReviewFormat.Count(changed)} pair(s) assigned to {assignee ?? "nobody"}.", Severity.Success);
    });

    private async Task AssignToAsync()
    {
        var parameters = new DialogParameters<AssignDialog> { { d => d.Stewards, stewards }, { d => d.Count, selected.Count } };
        var dialog = await Dialogs.ShowAsync<AssignDialog>("Assign pairs", parameters, new DialogOptions { MaxWidth = MaxWidth.ExtraSmall, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: AssignDialog.Choice choice })
        {
            await AssignAsync(choice.Assignee);
        }
    }

    private async Task NotDuplicateAsync()
    {
        var ids = selected.Select(r => r.Id).ToList();
        var dialog = await Dialogs.ShowAsync<NotDuplicateDialog>("Not duplicates", new DialogParameters<NotDuplicateDialog> { { d => d.Pairs, ids.Count } },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }
        await RunAsync(async () =>
        {
            var marked = await Decisions.NotDuplicateAsync(ids, reason);
            Snackbar.Add($"{ReviewFormat.Count(marked)} pair(s) marked not a duplicate: they will not be suggested again.", Severity.Success);
        });
    }

    private async Task BulkMergeAsync()
    {
        var pairs = HighScoring;
        var confirmed = await Dialogs.ShowMessageBoxAsync("Merge with default choices",
            $"Merge {ReviewFormat.Count(pairs.Count)} pair(s) scoring at least {ReviewFormat.Score(BulkMergeScore)}? In each pair the older record " +
            "survives and takes the values the source of truth and survivorship choose, except that what the match rule compares (email, " +
            "phone, names) keeps the older record's value and \"last … at\" times take the latest; the other record is deleted in its system. Pairs whose email and company both differ are skipped. " +
            "Each merge can be undone from its pair's page.", yesText: "Merge", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }
        await RunAsync(async () =>
        {
            var result = await Merger.MergeWithDefaultsAsync(pairs.Select(r => r.Id).ToList(), BulkMergeScore);
            Snackbar.Add($"Merged {ReviewFormat.Count(result.Merged)} pair(s).", result.Merged > 0 ? Severity.Success : Severity.Info);
            if (result.MailboxAndEmployerDiffer > 0)
            {
                Snackbar.Add($"{ReviewFormat.Count(result.MailboxAndEmployerDiffer)} pair(s) left for you to decide one by one: their email addresses and " +
                    "companies both differ, so they may be two people who share a name.", Severity.Info);
            }
            foreach (var (id, error) in result.Failed.Take(5))
            {
                Snackbar.Add($"Pair #{id} was not merged: {error}", Severity.Warning);
            }
        });
    }

    /// <summary>Runs a command on the selection, shows a refusal as a message, and reloads the list and figures.</summary>
    private async Task RunAsync(Func<Task> command)
    {
        busy = true;
        try
        {
            await command();
        }
        catch (Exception e) when (e is ArgumentException or UnauthorizedAccessException)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            busy = false;
        }
        selected = [];
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        metrics = await Metrics.MetricsAsync();
        if (grid is not null)
        {
            await grid.ReloadServerData();
        }
    }
}
