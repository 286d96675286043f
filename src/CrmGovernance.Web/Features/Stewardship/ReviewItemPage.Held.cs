using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>The decisions on a held change: apply the proposed values to the target record, or keep the existing ones.</summary>
public sealed partial class ReviewItemPage
{
    [Inject] private HeldChangeService HeldChanges { get; set; } = default!;

    private async Task ApplyHeldAsync()
    {
        var fields = string.Join(", ", comparison!.ProposedChanges.Select(c => $"{c.Label} becomes \"{c.Proposed}\""));
        if (await Dialogs.ShowMessageBoxAsync("Apply the proposed values", $"{fields} in {comparison.SystemName}, record {comparison.Item.RightRecordId}. The change is audited.",
                yesText: "Apply", cancelText: "Cancel") != true)
        {
            focusPending = true;
            return;
        }
        if (await RunAsync(() => HeldChanges.ApplyAsync(Id, openedUtc)) is { Succeeded: true })
        {
            Snackbar.Add($"Applied: {fields} in {comparison.SystemName}.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task DismissHeldAsync()
    {
        if (await RunAsync(() => HeldChanges.DismissAsync(Id, openedUtc)) is { Succeeded: true })
        {
            Snackbar.Add($"Kept the existing values of record {comparison!.Item.RightRecordId}; the proposed values were dismissed.", Severity.Success);
            await LoadAsync();
        }
    }
}
