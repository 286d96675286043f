using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>
/// One pair of the review queue: both records side by side as the target holds them now, the score's explanation,
/// the decisions (with keyboard shortcuts), and the pair's merges with their undo. Next and previous walk the list the
/// steward came from (its filters travel in the query string).
/// </summary>
public sealed partial class ReviewItemPage
{
    private ElementReference root;
    private ReviewComparison? comparison;
    private bool loaded;
    private bool busy;
    private bool focusPending;
    private string survivorId = "";
    private Dictionary<string, string> choices = [];
    private string? focusedField;
    private ReviewQueueFilter filter = ReviewQueueFilter.Default;
    private (long? Previous, long? Next) neighbours;
    // When the steward opened the item shown (openedId): a decision passes it on for the steward time.
    private DateTime? openedUtc;
    private long? openedId;

    [Parameter] public long Id { get; set; }
    [Inject] private ReviewComparisonService Comparisons { get; set; } = default!;
    [Inject] private ReviewQueueService Queue { get; set; } = default!;
    [Inject] private ReviewDecisions Decisions { get; set; } = default!;
    [Inject] private MergeService Merges { get; set; } = default!;
    [Inject] private UnmergeService Unmerges { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private string QueueHref => "review-queue" + ReviewQueueQuery.QueryString(filter);

    private string? ItemHref(long? id) => id is { } next ? $"review-queue/{next}{ReviewQueueQuery.QueryString(filter)}" : null;

    protected override async Task OnParametersSetAsync()
    {
        filter = ReviewQueueQuery.Parse(Navigation.Uri);
        // The records are read from the target system: once, in the live circuit, not again for the prerendered page.
        if (RendererInfo.IsInteractive)
        {
            await LoadAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusPending && comparison is not null)
        {
            focusPending = false;
            // The root takes the keyboard without scrolling to it: a plain focus scrolled its top (the back and
            // next buttons) under the fixed app bar, so the pair opened past its navigation.
            await root.FocusAsync(preventScroll: true);
        }
    }

    private async Task LoadAsync()
    {
        if (openedId != Id)
        {
            // Steward time starts when this item first shows on the screen (reloads after a refusal do not restart it).
            (openedId, openedUtc) = (Id, Now);
        }
        var compared = await Comparisons.CompareAsync(Id);
        neighbours = await Queue.NeighboursAsync(Id, filter);
        // The pair, its survivor and the default choices change together: a render between them (a live update
        // arriving while the neighbours load) showed the new pair with the last one's merge result.
        comparison = compared;
        if (comparison is not null)
        {
            survivorId = MergeDefaults.Survivor(comparison);
            choices = MergeDefaults.Choices(comparison, survivorId);
        }
        loaded = true;
        focusedField = null;
        focusPending = true;
    }

    private void ChooseSurvivor(string id)
    {
        // The defaults depend on which record survives: start again from them.
        survivorId = id;
        choices = MergeDefaults.Choices(comparison!, id);
    }

    private void Take((string Field, string RecordId) choice) => choices[choice.Field] = choice.RecordId;

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (comparison is null || busy || e.CtrlKey || e.AltKey || e.MetaKey)
        {
            return;
        }
        // A held change has its own two decisions, taken with the mouse: the pair shortcuts do not apply.
        var undecided = comparison.IsUndecided && !comparison.Item.IsHeldChange;
        switch (e.Key)
        {
            case "m" when comparison.CanMerge: await MergeAsync(); break;
            case "n" when undecided: await NotDuplicateAsync(); break;
            case "d" when undecided: await DeferAsync(); break;
            case "a" when undecided: await AssignToMeAsync(); break;
            case "u" when comparison.StandingMerge is { } merge: await UnmergeAsync(merge.Id); break;
            case "j" or "ArrowRight" when neighbours.Next is { } next: Go(next); break;
            case "k" or "ArrowLeft" when neighbours.Previous is { } previous: Go(previous); break;
            case "1" or "2" when comparison.CanMerge && focusedField is { } field:
                choices[field] = e.Key == "1" ? comparison.Item.LeftRecordId : comparison.Item.RightRecordId;
                break;
        }
    }

    private void Go(long id) => Navigation.NavigateTo(ItemHref(id)!);

    /// <summary>After a decision the steward moves on: to the next pair of the list, or back to the list at its end.</summary>
    private void Onwards()
    {
        if (neighbours.Next is { } next)
        {
            Go(next);
        }
        else
        {
            Navigation.NavigateTo(QueueHref);
        }
    }
}
