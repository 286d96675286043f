using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Quality.Assessments;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Quality;

/// <summary>Start an assessment and see the assessments the user may read, the running ones followed live.</summary>
public sealed partial class DataQualityPage : IDisposable
{
    private MudDataGrid<AssessmentView>? grid;
    private IReadOnlyList<AssessmentTarget>? choices;
    private AssessmentTarget? target;
    private string region = "GB";
    private int staleMonths = 24;
    private string? regionError, staleError;
    private bool starting, mayStart;
    private IDisposable? following;

    /// <summary>The system and object to offer (a link from a system or a draft flow: "assess its data first").</summary>
    [SupplyParameterFromQuery(Name = "system")] public Guid? SystemId { get; set; }

    [SupplyParameterFromQuery(Name = "object")] public Guid? ObjectId { get; set; }

    [Inject] private AssessmentService Assessments { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private ActorContext Actor { get; set; } = default!;
    [Inject] private OperationsEventBroadcaster Events { get; set; } = default!;
    [Inject] private Microsoft.Extensions.Options.IOptions<AssessmentScheduleOptions> Defaults { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        // Prerendering is a single response: only a live circuit follows assessments.
        if (RendererInfo.IsInteractive)
        {
            following = Events.Subscribe(e => e is AssessmentProgressed or AssessmentFinished ? ReloadAsync() : Task.CompletedTask);
        }
        // The region and months offered are the portal's configured ones (Quality:Assessments), GB and 24 by default.
        (region, staleMonths) = (Defaults.Value.Region, Defaults.Value.StaleMonths);
        mayStart = Actor.Holds(Capability.RunAssessments);
        if (mayStart)
        {
            choices = await Assessments.ChoicesAsync();
            target = choices.FirstOrDefault(c => c.SystemId == SystemId && (ObjectId is null || c.ObjectId == ObjectId)) ?? (choices.Count == 1 ? choices[0] : null);
        }
    }

    private static string Describe(AssessmentTarget? choice) => choice is null ? "" : $"{choice.ObjectName} in {choice.SystemName} ({choice.Fields} fields)";

    private async Task<GridData<AssessmentView>> LoadAsync(GridState<AssessmentView> state, CancellationToken cancellationToken)
    {
        var page = await Assessments.ListAsync(state.Page, state.PageSize, cancellationToken: cancellationToken);
        return new GridData<AssessmentView> { Items = page.Items, TotalItems = page.Total };
    }

    private Task ReloadAsync() => InvokeAsync(async () =>
    {
        if (grid is not null && following is not null)
        {
            await grid.ReloadServerData();
        }
    });

    private async Task StartAsync()
    {
        if (target is null)
        {
            return;
        }
        (starting, regionError, staleError) = (true, null, null);
        try
        {
            var id = await Assessments.RequestAsync(target.SystemId, target.ObjectId, region ?? "", staleMonths);
            Navigation.NavigateTo($"quality/assessments/{id}");
        }
        catch (ArgumentException ex)
        {
            // What the user typed stays; the message sits under the field it is about.
            var message = ex.Message.Split(" (Parameter", 2)[0];
            if (ex.ParamName == "region")
            {
                regionError = message;
            }
            else
            {
                staleError = message;
            }
        }
        catch (InvalidOperationException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            starting = false;
        }
    }

    public void Dispose()
    {
        following?.Dispose();
        following = null;
    }
}
