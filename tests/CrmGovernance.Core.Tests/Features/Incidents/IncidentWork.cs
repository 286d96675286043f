using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Tests.Features.ChangeControl;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Incidents;

/// <summary>The people of <see cref="ChangeControlScenario"/> with accounts, one incident on a flow, and ways to act on it.</summary>
internal static class IncidentWork
{
    public const string OtherSteward = "other.steward@example.com";
    public const string Manager = "manager@example.com";

    public static async Task<(ChangeControlScenario Scenario, DataFlow Flow, long Incident)> StartAsync()
    {
        var scenario = await ChangeControlScenario.StartAsync();
        await scenario.Host.CreateUserAsync(ChangeControlScenario.Owner, Roles.BusinessOwner);
        await scenario.Host.CreateUserAsync(ChangeControlScenario.Steward, Roles.Steward);
        var flow = (await scenario.CurrentAsync()).Configuration.Flows[0];
        var id = await scenario.Host.Singleton<IncidentRecorder>().RecordAsync(Failed(flow, 1));
        return (scenario, flow, id);
    }

    public static IncidentSignal Failed(DataFlow flow, long runId) =>
        new(IncidentCause.RunFailed, $"{flow.Name} failed", "The source table does not exist.") { FlowId = flow.Id, RunId = runId };

    public static Task<T> As<T>(this ChangeControlScenario scenario, string name, string role, Func<IncidentService, Task<T>> action) =>
        scenario.As<IncidentService, T>(name, [role], action);

    public static async Task<T> QueryAsync<T>(this ChangeControlScenario scenario, Func<CrmDbContext, Task<T>> query)
    {
        await using var scope = scenario.Host.Scope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public static Task<Incident> IncidentAsync(this ChangeControlScenario scenario, long id) =>
        scenario.QueryAsync(db => db.Set<Incident>().AsNoTracking().SingleAsync(i => i.Id == id));

    public static Task<List<IncidentEntry>> TimelineAsync(this ChangeControlScenario scenario, long id) =>
        scenario.QueryAsync(db => db.Set<IncidentEntry>().AsNoTracking().Where(e => e.IncidentId == id).OrderBy(e => e.Id).ToListAsync());
}
