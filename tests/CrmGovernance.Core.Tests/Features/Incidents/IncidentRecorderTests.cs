using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class IncidentRecorderTests
{
    [Fact]
    public async Task Repeats_of_one_cause_on_one_flow_fold_into_one_incident_and_tell_people_once()
    {
        await using var scenario = await ChangeControlScenario.StartAsync();
        await scenario.Host.CreateUserAsync(ChangeControlScenario.Owner, Roles.BusinessOwner);
        var flow = (await scenario.CurrentAsync()).Configuration.Flows[0];
        var recorder = scenario.Host.Singleton<IncidentRecorder>();

        var first = await recorder.RecordAsync(Failed(flow, 7));
        scenario.Host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await recorder.RecordAsync(Failed(flow, 8));

        Assert.Equal(first, second);
        var incident = await QueryAsync(scenario, db => db.Set<Incident>().SingleAsync());
        Assert.Equal(2, incident.Occurrences);
        Assert.Equal(IncidentState.Open, incident.State);
        Assert.Equal(ChangeControlScenario.Owner, incident.Owner);
        Assert.False(incident.OwnershipGap);
        Assert.Equal(IncidentSeverity.High, incident.Severity);
        Assert.Equal(1, incident.ConfigurationVersion);
        Assert.Equal(8, incident.LastRunId);
        Assert.Equal(incident.OpenedUtc + TimeSpan.FromMinutes(60), incident.AcknowledgeDueUtc);
        var kinds = await QueryAsync(scenario, db => db.OperationsEvents.Select(e => e.Kind).ToListAsync());
        Assert.Single(kinds, k => k == nameof(IncidentChanged));
        var entries = await QueryAsync(scenario, db => db.Set<IncidentEntry>().OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([IncidentEntryKind.Opened, IncidentEntryKind.Occurrence], entries);
    }

    [Fact]
    public async Task An_incident_whose_owner_cannot_act_is_an_ownership_gap_addressed_to_the_admins()
    {
        // The owner named in the configuration has no account.
        await using var scenario = await ChangeControlScenario.StartAsync();
        var flow = (await scenario.CurrentAsync()).Configuration.Flows[0];

        await scenario.Host.Singleton<IncidentRecorder>().RecordAsync(Failed(flow, 1));

        var incident = await QueryAsync(scenario, db => db.Set<Incident>().SingleAsync());
        Assert.True(incident.OwnershipGap);
        Assert.Equal(3, incident.EscalationLevel);
        var payload = await QueryAsync(scenario, db => db.OperationsEvents.Where(e => e.Kind == nameof(IncidentChanged)).Select(e => e.PayloadJson).SingleAsync());
        Assert.Contains("\"toAdmins\":true", payload, StringComparison.Ordinal);
        Assert.Contains("ownership gap", payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_incident_soon_after_a_publish_that_touched_its_flow_names_that_change()
    {
        await using var scenario = await ChangeControlScenario.StartAsync();
        var current = (await scenario.CurrentAsync()).Configuration;
        var mapping = current.Mappings[0];
        var flow = current.FindFlow(mapping.FlowId)!;
        var id = await scenario.AsOwner(s => s.CreateDraftAsync("Shorter names", "Test"));
        ChangeControlScenario.Require(await scenario.AsOwner(s => s.SaveItemAsync(id, mapping with { Transforms = [] })));
        ChangeControlScenario.Require(await scenario.AsOwner(s => s.SubmitAsync(id)));
        ChangeControlScenario.Require(await scenario.As(ChangeControlScenario.Admin, [Roles.Admin], (ChangeRequestReview r) => r.ApproveAsync(id, null)));
        scenario.Host.Clock.Advance(TimeSpan.FromMinutes(4));

        await scenario.Host.Singleton<IncidentRecorder>().RecordAsync(Failed(flow, 3));
        // A flow the publish did not touch opens an incident with no link.
        var other = current.Flows.First(f => f.Id != flow.Id && f.SourceSystemId != flow.SourceSystemId && f.TargetSystemId != flow.TargetSystemId && f.ObjectId != flow.ObjectId);
        await scenario.Host.Singleton<IncidentRecorder>().RecordAsync(Failed(other, 4));

        var incidents = await QueryAsync(scenario, db => db.Set<Incident>().OrderBy(i => i.Id).ToListAsync());
        Assert.Equal(2, incidents[0].CausingVersion);
        Assert.Equal(id, incidents[0].CausingChangeRequestId);
        Assert.StartsWith("Began 4 minutes after version 2 (CR-", incidents[0].CausingSummary, StringComparison.Ordinal);
        Assert.Contains(mapping.DisplayName, incidents[0].CausingSummary, StringComparison.Ordinal);
        Assert.Null(incidents[1].CausingVersion);
    }

    private static IncidentSignal Failed(DataFlow flow, long runId) =>
        new(IncidentCause.RunFailed, $"{flow.Name} failed", "The source table does not exist.") { FlowId = flow.Id, RunId = runId };

    private static async Task<T> QueryAsync<T>(ChangeControlScenario scenario, Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = scenario.Host.Scope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }
}
