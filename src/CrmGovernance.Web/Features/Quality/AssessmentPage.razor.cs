using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Quality.KnownIssues;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Quality;

/// <summary>One assessment: its progress while it runs (followed live, with cancel), then its scores and its figures per field.</summary>
public sealed partial class AssessmentPage : IDisposable
{
    private AssessmentView? view;
    private IReadOnlyList<AssessmentField> fields = [];
    private IReadOnlyList<KnownIssue> issues = [];
    private bool loaded, mayRun, mayAccept;
    private IDisposable? following;

    [Parameter] public long Id { get; set; }

    [Inject] private AssessmentService Assessments { get; set; } = default!;
    [Inject] private KnownIssueService KnownIssues { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private OperationsEventBroadcaster Events { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        if (RendererInfo.IsInteractive && following is null)
        {
            following = Events.Subscribe(e => e is AssessmentProgressed p && p.AssessmentId == Id || e is AssessmentFinished f && f.AssessmentId == Id
                ? InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); })
                : Task.CompletedTask);
        }
        mayRun = Actor.Holds(Capability.RunAssessments);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var loadedView = await Assessments.GetAsync(Id);
        var completed = loadedView?.Assessment.Status == AssessmentStatus.Completed;
        var loadedFields = completed ? await Assessments.FieldsAsync(Id) : [];
        var a = loadedView?.Assessment;
        var loadedIssues = completed && a is not null ? await KnownIssues.ListAsync(a.SystemId, a.ObjectId) : [];
        mayAccept = completed && a is not null && await KnownIssues.MayAcceptAsync(a.SystemId, a.ObjectId);
        (view, fields, issues, loaded) = (loadedView, loadedFields, loadedIssues, true);
    }

    private async Task AcceptAsync((string Field, FindingKind Kind) finding)
    {
        var a = view!.Assessment;
        var parameters = new DialogParameters<AcceptFindingDialog>
        {
            { d => d.SystemId, a.SystemId }, { d => d.ObjectId, a.ObjectId }, { d => d.Field, finding.Field }, { d => d.Finding, finding.Kind },
        };
        var dialog = await Dialogs.ShowAsync<AcceptFindingDialog>("Accept a finding", parameters);
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Accepted as a known issue.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task WithdrawAsync(long id)
    {
        try
        {
            var withdrawn = await KnownIssues.WithdrawAsync(id);
            Snackbar.Add(withdrawn ? "Acceptance withdrawn: the finding shows as a finding again." : "That acceptance had already ended.", Severity.Info);
        }
        catch (UnauthorizedAccessException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        await LoadAsync();
    }

    private async Task CancelAsync()
    {
        try
        {
            var cancelled = await Assessments.CancelAsync(Id);
            Snackbar.Add(cancelled ? "Assessment cancelled." : "The assessment had already finished.", cancelled ? Severity.Success : Severity.Info);
        }
        catch (UnauthorizedAccessException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        await LoadAsync();
    }

    public void Dispose()
    {
        following?.Dispose();
        following = null;
    }
}
