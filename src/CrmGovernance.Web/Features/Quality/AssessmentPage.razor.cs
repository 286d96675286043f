using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Quality.Assessments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Quality;

/// <summary>One assessment: its progress while it runs (followed live, with cancel), then its scores and its figures per field.</summary>
public sealed partial class AssessmentPage : IDisposable
{
    private AssessmentView? view;
    private IReadOnlyList<AssessmentField> fields = [];
    private bool loaded, mayRun;
    private IDisposable? following;

    [Parameter] public long Id { get; set; }

    [Inject] private AssessmentService Assessments { get; set; } = default!;
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
        var loadedFields = loadedView?.Assessment.Status == AssessmentStatus.Completed ? await Assessments.FieldsAsync(Id) : [];
        (view, fields, loaded) = (loadedView, loadedFields, true);
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
