using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>What must hold of a <see cref="FailoverScenario"/>'s flows however the nodes shared, lost or took over their runs.</summary>
internal static class ScenarioChecks
{
    /// <summary>
    /// The CRM holds each source person once, with the values the mappings give (email normalised, names as they are),
    /// and the crosswalk links each source person once to a contact the CRM holds.
    /// </summary>
    public static async Task EveryPersonOnceAsync(WorkerCluster cluster, ScenarioFlow flow)
    {
        var expected = await ScenarioTables.ExpectedAsync(flow);
        var contacts = await ScenarioTables.ContactsAsync(flow);
        var links = await cluster.QueryAsync(db => db.CrosswalkLinks.AsNoTracking().Where(l => l.FlowId == flow.Id).Select(l => new { l.SourceId, l.TargetId }).ToListAsync());
        Assert.Equal(expected.Count, contacts.Count);
        Assert.Equal(expected.Count, links.Count);
        Assert.Equal(expected.Count, links.Select(l => l.SourceId).Distinct().Count());
        Assert.Equal(expected.Count, links.Select(l => l.TargetId).Distinct().Count());
        Assert.Equal(expected.Count, contacts.Select(c => c.Values.Item1).Distinct().Count());
        var byId = contacts.ToDictionary(c => c.Id, c => c.Values, StringComparer.Ordinal);
        foreach (var link in links)
        {
            Assert.True(byId.TryGetValue(link.TargetId, out var values), $"{flow.Name}: the crosswalk links {link.SourceId} to {link.TargetId}, which the CRM does not hold.");
            Assert.Equal(expected[link.SourceId], values);
        }
    }
}
