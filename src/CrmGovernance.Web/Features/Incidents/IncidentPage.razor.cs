using CrmGovernance.Core.Events;
using CrmGovernance.Web.Features.ChangeControl;
using CrmGovernance.Core.Features.Incidents;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace CrmGovernance.Web.Features.Incidents;

/// <summary>One incident: what, who, clocks, the change it followed (with a rollback draft), the actions the person may take, the timeline.</summary>
public sealed partial class IncidentPage : IDisposable
{
    private const int TimelinePage = 50;
    private IncidentDetail? detail;
    private IncidentPermissions permissions = IncidentPermissions.None;
    private bool loaded, busy;
    private int timelineSize = TimelinePage;
    private IDisposable? following;

    [Parameter] public long Id { get; set; }
    [Inject] private IncidentQueries Incidents { get; set; } = default!;
    [Inject] private IncidentService Work { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private OperationsEventBroadcaster Events { get; set; } = default!;

    protected override async Task OnParametersSetAsync()
    {
        following?.Dispose();
        following = null;
        var id = Id;
        if (RendererInfo.IsInteractive)
        {
            following = Events.Subscribe(e => e is IncidentChanged c && c.IncidentId == id ? InvokeAsync(async () => { await LoadAsync(); StateHasChanged(); }) : Task.CompletedTask);
        }
        timelineSize = TimelinePage;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        detail = await Incidents.GetAsync(Id, timelineSize);
        permissions = detail is null ? IncidentPermissions.None : await Work.PermissionsAsync(Id);
        loaded = true;
    }

    private async Task ShowMoreAsync()
    {
        timelineSize += TimelinePage;
        await LoadAsync();
    }

    private static RenderFragment SubjectLink(Incident incident) => builder =>
    {
        var href = incident.FlowId is { } flow ? $"flows/{flow}"
            : incident.ObjectId is { } obj && incident.SystemId is null ? $"objects/{obj}"
            : incident.SystemId is not null ? "systems" : null;
        if (href is null)
        {
            builder.AddContent(0, incident.SubjectName);
            return;
        }
        builder.OpenComponent<MudLink>(1);
        builder.AddComponentParameter(2, nameof(MudLink.Href), href);
        builder.AddComponentParameter(3, nameof(MudLink.ChildContent), (RenderFragment)(b => b.AddContent(4, incident.SubjectName)));
        builder.CloseComponent();
    };

    private async Task DraftRollbackAsync()
    {
        var causing = detail!.Incident.CausingVersion!.Value;
        var confirm = await Dialogs.ShowAsync<ChangeRequestConfirmDialog>("Draft rollback", new DialogParameters<ChangeRequestConfirmDialog>
        {
            { d => d.Message, $"This drafts a change request that restores version {causing - 1}, undoing version {causing} (and any later version's changes to the same items). Nothing changes until someone else reviews and approves it. You will be taken to the draft." },
            { d => d.ConfirmText, "Draft rollback" },
            { d => d.Color, Color.Warning },
        });
        if (await confirm.Result is not { Canceled: false })
        {
            return;
        }
        busy = true;
        try
        {
            var draft = await Work.DraftRollbackAsync(Id);
            if (draft.ChangeRequestId is { } request)
            {
                Snackbar.Add($"Rollback drafted: it restores version {draft.RestoresVersion}. Review its items, then submit it.", Severity.Success);
                Navigation.NavigateTo($"change-requests/{request}");
                return;
            }
            Snackbar.Add(string.Join(" ", draft.Outcome.Errors), Severity.Error);
        }
        catch (UnauthorizedAccessException e)
        {
            Snackbar.Add(e.Message, Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    public void Dispose()
    {
        following?.Dispose();
        following = null;
    }
}
