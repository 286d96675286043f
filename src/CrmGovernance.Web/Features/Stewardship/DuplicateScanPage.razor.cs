using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>One duplicate scan: followed live while it runs (on its operations events), then its figures, clusters and pairs, and the feed to the review queue.</summary>
public sealed partial class DuplicateScanPage : IDisposable
{
    private DuplicateScanView? view;
    private long reviewPairs;
    private bool loaded;
    private bool feeding;
    private IDisposable? following;

    [Parameter] public long Id { get; set; }
    [Inject] private DuplicateScanService Scans { get; set; } = default!;
    [Inject] private DuplicateScanFeeder Feeder { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private OperationsEventBroadcaster Events { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (view?.Scan.Id == Id)
        {
            return;
        }
        StopFollowing();
        // Prerendering is a single response: only a live circuit follows the scan; it listens before it reads.
        var id = Id;
        if (RendererInfo.IsInteractive)
        {
            following = Events.Subscribe(e => e is ScanProgressed p && p.ScanId == id || e is ScanFinished f && f.ScanId == id ? RefreshAsync(id) : Task.CompletedTask);
        }
        await LoadAsync(CancellationToken.None);
        loaded = true;
        if (view is not { IsActive: true })
        {
            StopFollowing();
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        view = await Scans.GetAsync(Id, cancellationToken);
        reviewPairs = view?.Scan.Status == ScanStatus.Completed ? (await Scans.PairsAsync(Id, MatchDecision.Review, 0, 1, cancellationToken)).Total : 0;
    }

    private Task RefreshAsync(long id) => InvokeAsync(async () =>
    {
        if (id != Id || following is null)
        {
            return; // Another scan is shown now, or this one ended already.
        }
        await LoadAsync(CancellationToken.None);
        StateHasChanged();
        if (view is not { IsActive: true })
        {
            StopFollowing();
        }
    });

    private async Task CancelAsync()
    {
        if (await Dialogs.ShowMessageBoxAsync("Cancel scan", "Stop this scan? What it has found so far is discarded; you can start it again later.",
                yesText: "Cancel scan", cancelText: "Keep it running") != true)
        {
            return;
        }
        var cancelled = await Scans.CancelAsync(Id);
        Snackbar.Add(cancelled ? "The scan was cancelled." : "The scan had finished already.", cancelled ? Severity.Success : Severity.Info);
        await LoadAsync(CancellationToken.None);
    }

    private async Task FeedAsync()
    {
        var scan = view!.Scan;
        var message = $"File {DuplicateScanFormat.Count(scan.PairsFound)} pairs ({DuplicateScanFormat.Count(scan.PairsFound - reviewPairs)} the rule calls the same record, "
            + $"{DuplicateScanFormat.Count(reviewPairs)} to review) in the review queue? Each pair is scored again on the records as they are now; "
            + "nothing is merged until a steward decides.";
        if (await Dialogs.ShowMessageBoxAsync("Send to review queue", message, yesText: "Send", cancelText: "Cancel") != true)
        {
            return;
        }
        feeding = true;
        try
        {
            var result = await Feeder.FeedAsync(Id);
            Snackbar.Add(Summary(result), result.Filed > 0 ? Severity.Success : Severity.Info);
            await LoadAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is InvalidOperationException or SystemUnavailableException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            feeding = false;
        }
    }

    private static string Summary(ScanFeedResult result)
    {
        var text = $"{DuplicateScanFormat.Count(result.Filed)} new item(s) in the review queue.";
        if (result.AlreadyKnown > 0)
        {
            text += $" {DuplicateScanFormat.Count(result.AlreadyKnown)} pair(s) were already there or marked not a duplicate.";
        }
        if (result.Outdated > 0)
        {
            text += $" {DuplicateScanFormat.Count(result.Outdated)} pair(s) left out: a record is gone or was changed since the scan.";
        }
        return text;
    }

    private void StopFollowing()
    {
        following?.Dispose();
        following = null;
    }

    public void Dispose() => StopFollowing();
}
