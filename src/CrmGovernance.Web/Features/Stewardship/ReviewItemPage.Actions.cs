using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>The pair page's decisions: merge, undo, not a duplicate, defer, assign; each asks what it must and reports back.</summary>
public sealed partial class ReviewItemPage
{
    private async Task MergeAsync()
    {
        var parameters = new DialogParameters<MergeDialog>
        {
            { d => d.Comparison, comparison! }, { d => d.SurvivorId, survivorId }, { d => d.Choices, choices },
        };
        var dialog = await Dialogs.ShowAsync<MergeDialog>("Merge these records", parameters, KeyboardDialog(MaxWidth.Small));
        if (await AnswerAsync(dialog) is not { Canceled: false })
        {
            return;
        }
        var request = new MergeRequest(Id, survivorId, new Dictionary<string, string>(choices))
        {
            LeftSeen = comparison!.Left?.Fields, RightSeen = comparison.Right?.Fields, OpenedUtc = openedUtc,
        };
        var outcome = await RunAsync(() => Merges.MergeAsync(request));
        if (outcome is { Succeeded: true })
        {
            Snackbar.Add($"Merged: {survivorId} kept, {comparison.OtherId(survivorId)} deleted in {comparison.SystemName}. Undo it below if needed.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task UnmergeAsync(long mergeId)
    {
        if (await Unmerges.PreviewAsync(mergeId) is not { } preview)
        {
            return;
        }
        if (!preview.CanUnmerge)
        {
            Snackbar.Add(preview.TargetProblem ?? "This merge was already undone.", Severity.Warning);
            return;
        }
        var dialog = await Dialogs.ShowAsync<UnmergeDialog>("Undo the merge", new DialogParameters<UnmergeDialog> { { d => d.Preview, preview } },
            KeyboardDialog(MaxWidth.Medium));
        if (await AnswerAsync(dialog) is not { Canceled: false, Data: bool overwrite })
        {
            return;
        }
        if (await RunAsync(() => Unmerges.UnmergeAsync(mergeId, overwrite)) is { Succeeded: true })
        {
            Snackbar.Add($"Merge undone: {preview.Merge.MergedId} and {preview.Merge.SurvivorId} are back as they were. The pair waits for a decision again.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task NotDuplicateAsync()
    {
        var dialog = await Dialogs.ShowAsync<NotDuplicateDialog>("Not a duplicate",
            new DialogParameters<NotDuplicateDialog> { { d => d.Comparison, comparison! } }, KeyboardDialog(MaxWidth.Small));
        if (await AnswerAsync(dialog) is not { Canceled: false, Data: string reason })
        {
            return;
        }
        if (await RunAsync(async () => { await Decisions.NotDuplicateAsync([Id], reason, openedUtc); return ReviewOutcome.Ok; }) is { Succeeded: true })
        {
            Snackbar.Add($"Pair #{Id} is not a duplicate: it will not be suggested again.", Severity.Success);
            Onwards();
        }
    }

    private async Task DeferAsync()
    {
        var dialog = await Dialogs.ShowAsync<DeferDialog>("Defer this pair", KeyboardDialog(MaxWidth.ExtraSmall));
        if (await AnswerAsync(dialog) is not { Canceled: false, Data: DateTime until })
        {
            return;
        }
        if (await RunAsync(async () => { await Decisions.DeferAsync([Id], until); return ReviewOutcome.Ok; }) is { Succeeded: true })
        {
            Snackbar.Add($"Pair #{Id} deferred: it comes back to the queue then.", Severity.Success);
            Onwards();
        }
    }

    private async Task AssignToMeAsync()
    {
        if (await RunAsync(async () => { await Queue.AssignAsync([Id], Actor.Name); return ReviewOutcome.Ok; }) is { Succeeded: true })
        {
            await LoadAsync();
        }
    }

    /// <summary>Dialogs for keyboard work: Enter takes the main action (it has the focus), Escape cancels.</summary>
    private static DialogOptions KeyboardDialog(MaxWidth width) =>
        new() { MaxWidth = width, FullWidth = true, CloseOnEscapeKey = true, DefaultFocus = DefaultFocus.LastChild };

    /// <summary>The dialog's answer; the page takes the keyboard back whatever it was.</summary>
    private async Task<DialogResult?> AnswerAsync(IDialogReference dialog)
    {
        var result = await dialog.Result;
        focusPending = true;
        return result;
    }

    /// <summary>Runs a command; a refusal is shown as it is worded and nothing the steward chose is lost.</summary>
    private async Task<ReviewOutcome?> RunAsync(Func<Task<ReviewOutcome>> command)
    {
        busy = true;
        try
        {
            var outcome = await command();
            if (!outcome.Succeeded)
            {
                Snackbar.Add(outcome.Error!, Severity.Error);
            }
            return outcome;
        }
        catch (Exception e) when (e is ArgumentException or UnauthorizedAccessException)
        {
            Snackbar.Add(e.Message, Severity.Error);
            return null;
        }
        finally
        {
            busy = false;
        }
    }
}
