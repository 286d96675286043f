using CrmGovernance.Core.Access;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using static CrmGovernance.Core.Tests.Features.ChangeControl.ChangeControlScenario;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class IncidentServiceTests
{
    [Fact]
    public async Task The_owner_acknowledges_then_resolves_with_a_note_and_a_cause_category()
    {
        var (scenario, _, id) = await IncidentWork.StartAsync();
        await using var _ = scenario;
        scenario.Host.Clock.Advance(TimeSpan.FromMinutes(5));
        Require(await scenario.As(Owner, Roles.BusinessOwner, s => s.AcknowledgeAsync(id)));
        scenario.Host.Clock.Advance(TimeSpan.FromMinutes(30));
        Require(await scenario.As(Owner, Roles.BusinessOwner, s => s.ResolveAsync(id, "Recreated the staging table.", ResolutionCategory.TargetSystem)));

        var incident = await scenario.IncidentAsync(id);
        Assert.Equal(IncidentState.Resolved, incident.State);
        Assert.Equal(IncidentEnding.Resolved, incident.Ending);
        Assert.Equal(incident.OpenedUtc.AddMinutes(5), incident.AcknowledgedUtc);
        Assert.Equal(incident.OpenedUtc.AddMinutes(35), incident.ResolvedUtc);
        Assert.Equal("Recreated the staging table.", incident.ResolutionNote);
        Assert.Equal(ResolutionCategory.TargetSystem, incident.ResolutionCategory);
        var timeline = await scenario.TimelineAsync(id);
        Assert.Equal([IncidentEntryKind.Opened, IncidentEntryKind.Acknowledged, IncidentEntryKind.Resolved], timeline.Select(e => e.Kind));
        Assert.All(timeline.Skip(1), e => Assert.Equal(Owner, e.Actor));
        var events = await scenario.QueryAsync(db => db.OperationsEvents.Where(e => e.Kind == nameof(IncidentChanged)).Select(e => e.PayloadJson).ToListAsync());
        Assert.Contains(events, p => p.Contains("\"change\":\"acknowledged\"", StringComparison.Ordinal) && p.Contains(Owner, StringComparison.Ordinal));
        Assert.Contains(events, p => p.Contains("\"change\":\"resolved\"", StringComparison.Ordinal));
        // A resolved incident cannot be acknowledged again.
        var again = await scenario.As(Owner, Roles.BusinessOwner, s => s.AcknowledgeAsync(id));
        Assert.Contains("resolved", Assert.Single(again.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolving_without_a_note_or_category_is_refused_and_changes_nothing()
    {
        var (scenario, _, id) = await IncidentWork.StartAsync();
        await using var _ = scenario;

        var result = await scenario.As(Owner, Roles.BusinessOwner, s => s.ResolveAsync(id, "  ", null));

        Assert.Equal(["Write a resolution note: what was wrong and what was done.", "Choose a cause category."], result.Errors);
        var incident = await scenario.IncidentAsync(id);
        Assert.Equal(IncidentState.Open, incident.State);
        Assert.Null(incident.ResolvedUtc);
        Assert.Single(await scenario.TimelineAsync(id));
    }

    [Fact]
    public async Task A_steward_not_accountable_for_the_flow_is_refused_and_its_objects_steward_may_act()
    {
        var (scenario, _, id) = await IncidentWork.StartAsync();
        await using var _ = scenario;

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.As(IncidentWork.OtherSteward, Roles.Steward, s => s.AcknowledgeAsync(id)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scenario.As(IncidentWork.Manager, Roles.Manager, s => s.CommentAsync(id, "Me too")));
        Assert.Equal(IncidentState.Open, (await scenario.IncidentAsync(id)).State);
        var permissions = await scenario.As(IncidentWork.OtherSteward, Roles.Steward, s => s.PermissionsAsync(id));
        Assert.False(permissions.MayWork);

        Require(await scenario.As(Steward, Roles.Steward, s => s.CommentAsync(id, "Looking at the source table.")));
        Assert.Equal(Steward, (await scenario.TimelineAsync(id))[^1].Actor);
    }

    [Fact]
    public async Task An_admin_may_work_any_incident()
    {
        var (scenario, _, id) = await IncidentWork.StartAsync();
        await using var _ = scenario;

        Require(await scenario.As(Admin, Roles.Admin, s => s.AcknowledgeAsync(id)));
        Require(await scenario.As(Admin, Roles.Admin, s => s.ResolveAsync(id, "False alarm: a test flow.", ResolutionCategory.FalseAlarm)));

        Assert.Equal(IncidentEnding.Resolved, (await scenario.IncidentAsync(id)).Ending);
        Assert.True((await scenario.As(Admin, Roles.Admin, s => s.PermissionsAsync(id))).MayWork);
    }

    [Fact]
    public async Task Changing_the_severity_needs_a_reason_and_restarts_the_clocks_from_the_policy()
    {
        var (scenario, _, id) = await IncidentWork.StartAsync();
        await using var _ = scenario;
        scenario.Host.Clock.Advance(TimeSpan.FromMinutes(50));

        Assert.False((await scenario.As(Owner, Roles.BusinessOwner, s => s.ChangeSeverityAsync(id, IncidentSeverity.Critical, ""))).Succeeded);
        Require(await scenario.As(Owner, Roles.BusinessOwner, s => s.ChangeSeverityAsync(id, IncidentSeverity.Critical, "Orders stopped.")));

        var now = scenario.Host.Clock.GetUtcNow().UtcDateTime;
        var incident = await scenario.IncidentAsync(id);
        Assert.Equal(IncidentSeverity.Critical, incident.Severity);
        // The default policy: 15 minutes to acknowledge and 4 hours to resolve a critical incident.
        Assert.Equal(now.AddMinutes(15), incident.AcknowledgeDueUtc);
        Assert.Equal(now.AddHours(4), incident.ResolveDueUtc);
        Assert.Contains("Orders stopped.", (await scenario.TimelineAsync(id))[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_acknowledging_at_once_acknowledge_once_and_the_second_is_told()
    {
        var (scenario, _, id) = await IncidentWork.StartAsync();
        await using var _ = scenario;

        var results = await Task.WhenAll(
            scenario.As(Owner, Roles.BusinessOwner, s => s.AcknowledgeAsync(id)),
            scenario.As(Admin, Roles.Admin, s => s.AcknowledgeAsync(id)));

        Assert.Single(results, r => r.Succeeded);
        Assert.StartsWith("Already acknowledged", Assert.Single(results, r => !r.Succeeded).Errors[0], StringComparison.Ordinal);
        Assert.Single(await scenario.TimelineAsync(id), e => e.Kind == IncidentEntryKind.Acknowledged);
    }

    [Fact]
    public async Task A_managers_report_against_an_object_opens_an_incident_owned_by_the_objects_owner()
    {
        var (scenario, _, _) = await IncidentWork.StartAsync();
        await using var _ = scenario;
        var contact = (await scenario.CurrentAsync()).Configuration.Objects[0];

        var missing = await scenario.As(IncidentWork.Manager, Roles.Manager, s => s.ReportAsync(new IncidentReport("", "", IncidentSeverity.High)));
        Assert.Equal(3, missing.Outcome.Errors.Count);
        var reported = await scenario.As(IncidentWork.Manager, Roles.Manager,
            s => s.ReportAsync(new IncidentReport("Wrong phone numbers", "Phones lost their country code.", IncidentSeverity.High) { ObjectId = contact.Id, RecordId = "C-42" }));

        ChangeControlScenario.Require(reported.Outcome);
        var incident = await scenario.IncidentAsync(reported.IncidentId!.Value);
        Assert.Equal(IncidentCause.Reported, incident.Cause);
        Assert.Equal(IncidentSeverity.High, incident.Severity);
        Assert.Equal(Owner, incident.Owner);
        Assert.False(incident.OwnershipGap);
        Assert.Equal(IncidentWork.Manager, incident.ReportedBy);
        Assert.Equal("C-42", incident.RecordId);
        Assert.Equal(IncidentWork.Manager, Assert.Single(await scenario.TimelineAsync(incident.Id)).Actor);
    }
}
