using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Audit.Reports;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core;
using CrmGovernance.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace CrmGovernance.Web.Features.ChangeControl;

public sealed partial class ChangeRequestPage
{
    private ChangeRequest? request;
    private IReadOnlyList<ItemDiff> diffs = [];
    private IReadOnlyList<string> messages = [];
    private bool succeeded;
    private bool loaded;
    private bool busy;
    private bool isAuthor;
    private bool mayReview;
    private string? comment;

    [Parameter] public Guid Id { get; set; }
    [Inject] private ChangeRequestService Requests { get; set; } = default!;
    [Inject] private ChangeRequestReview Review { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private PublishedConfiguration Published { get; set; } = default!;
    [Inject] private ChangeRequestReport Reports { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        request = await Requests.GetAsync(Id);
        loaded = true;
        if (request is null)
        {
            return;
        }
        diffs = await Requests.DescribeAsync(Id);
        isAuthor = request.AuthorId == (Actor.UserId ?? Actor.Name) && ChangeControlAccess.MayDraft(Actor);
        mayReview = await Review.MayReviewAsync(request);
    }

    private Task DiscardAsync(ChangeRequestItem item) => RunAsync(() => Requests.DiscardItemAsync(Id, item.Id), $"Removed {item.DisplayName} from the request.");

    /// <summary>The request's diff, approvals, comments and audit rows as a workbook; taking it is an audit event.</summary>
    private async Task ExportReportAsync()
    {
        busy = true;
        try
        {
            var outcome = await Reports.ExportAsync(Id);
            if (outcome.File is { } file)
            {
                await BrowserDownload.SaveAsync(JS, file.FileName, file.ContentType, file.Content);
                Snackbar.Add($"Report downloaded as {file.FileName}.", Severity.Success);
            }
            else
            {
                Snackbar.Add(outcome.Error ?? "The report could not be made.", Severity.Warning);
            }
        }
        catch (UnauthorizedAccessException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    private Task SubmitAsync() => RunAsync(() => Requests.SubmitAsync(Id), "Submitted for review.");

    private Task ReopenAsync() => RunAsync(() => Requests.SetStatusByAuthorAsync(Id, ChangeRequestStatus.Draft), "Back to draft.");

    // Withdrawn is final: the service refuses any later change of status, so the question says so.
    private async Task WithdrawAsync()
    {
        var changes = request!.Items.Count switch
        {
            0 => "It changes nothing yet.",
            1 => "Its change is never published and the current version stays as it is; to make it later, start a new change request.",
            var n => $"Its {n} changes are never published and the current version stays as it is; to make them later, start a new change request.",
        };
        var message = $"Withdrawing {request.Label} closes it for good: it cannot be edited, submitted or reopened afterwards. {changes}";
        if (await ConfirmAsync($"Withdraw {request.Label}", message, "Withdraw", Color.Error))
        {
            await RunAsync(() => Requests.SetStatusByAuthorAsync(Id, ChangeRequestStatus.Withdrawn), "Withdrawn.");
        }
    }

    private Task RebaseAsync() => RunAsync(() => Requests.RebaseAsync(Id), "Rebased on the current version; submit it again when ready.");

    // The decision is about what this page shows: a request changed since is refused, not decided blind.
    private async Task ApproveAsync()
    {
        var current = (await Published.CurrentAsync()).Version;
        var message = current == 0
            ? $"Approving {request!.Label} publishes it as version 1, the first; the worker runs it from its next run."
            : $"Approving {request!.Label} publishes it as version {current + 1}; the worker runs it from its next run " +
              $"(runs already going finish on version {current}). Undo means a new change request that restores version {current}.";
        if (await ConfirmAsync($"Approve {request.Label}", message, "Approve and publish", Color.Success))
        {
            await RunAsync(() => Review.ApproveAsync(Id, comment, request?.UpdatedUtc), $"Approved and published as version {current + 1}.");
        }
    }

    private async Task<bool> ConfirmAsync(string title, string message, string confirm, Color color)
    {
        var parameters = new DialogParameters<ChangeRequestConfirmDialog>
        {
            { d => d.Message, message }, { d => d.ConfirmText, confirm }, { d => d.Color, color },
        };
        var dialog = await Dialogs.ShowAsync<ChangeRequestConfirmDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        return await dialog.Result is { Canceled: false };
    }

    private Task RejectAsync() => RunAsync(() => Review.RejectAsync(Id, comment ?? "", request?.UpdatedUtc), "Rejected.");

    private async Task RunAsync(Func<Task<OperationResult>> action, string success)
    {
        busy = true;
        OperationResult result;
        try
        {
            result = await action();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or InvalidOperationException or KeyNotFoundException)
        {
            result = OperationResult.Fail(ex.Message);
        }
        finally
        {
            busy = false;
        }
        succeeded = result.Succeeded;
        messages = result.Succeeded ? [] : result.Errors;
        if (result.Succeeded)
        {
            Snackbar.Add(success, Severity.Success);
            comment = null;
        }
        await LoadAsync();
    }
}
