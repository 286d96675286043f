using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class IncidentRollbackTests
{
    [Fact]
    public async Task Drafting_a_rollback_creates_a_change_request_restoring_the_version_before_the_change()
    {
        await using var scenario = await ChangeControlScenario.StartAsync();
        await scenario.Host.CreateUserAsync(Owner, Roles.BusinessOwner);
        var current = (await scenario.CurrentAsync()).Configuration;
        var mapping = current.Mappings[0];
        var flow = current.FindFlow(mapping.FlowId)!;
        var change = await scenario.AsOwner(s => s.CreateDraftAsync("Shorter names", "Test"));
        Require(await scenario.AsOwner(s => s.SaveItemAsync(change, mapping with { Transforms = [] })));
        Require(await scenario.AsOwner(s => s.SubmitAsync(change)));
        Require(await scenario.As(Admin, [Roles.Admin], (ChangeRequestReview r) => r.ApproveAsync(change, null)));
        scenario.Host.Clock.Advance(TimeSpan.FromMinutes(4));
        var id = await scenario.Host.Singleton<IncidentRecorder>().RecordAsync(IncidentWork.Failed(flow, 3));
        Assert.Equal(2, (await scenario.IncidentAsync(id)).CausingVersion);

        // A manager may not draft changes.
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.As(IncidentWork.Manager, Roles.Manager, s => s.DraftRollbackAsync(id)));
        var draft = await scenario.As(Owner, Roles.BusinessOwner, s => s.DraftRollbackAsync(id));

        Require(draft.Outcome);
        Assert.Equal(1, draft.RestoresVersion);
        var request = await scenario.QueryAsync(db => db.ChangeRequests.Include(r => r.Items).SingleAsync(r => r.Id == draft.ChangeRequestId));
        Assert.Equal(1, request.RestoresVersion);
        Assert.Equal(ChangeRequestStatus.Draft, request.Status);
        Assert.Contains(request.Items, i => i.ItemId == mapping.Id);
        Assert.Contains($"Drafted {request.Label} to restore version 1", (await scenario.TimelineAsync(id))[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_not_linked_to_a_change_has_nothing_to_roll_back()
    {
        var (scenario, _, id) = await IncidentWork.StartAsync();
        await using var _ = scenario;

        var draft = await scenario.As(Owner, Roles.BusinessOwner, s => s.DraftRollbackAsync(id));

        Assert.False(draft.Outcome.Succeeded);
        Assert.Null(draft.ChangeRequestId);
        Assert.Equal(1, await scenario.QueryAsync(db => db.ChangeRequests.CountAsync()));
    }
}
