using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

/// <summary>With several worker nodes, a run says which one ran it (Node:Name).</summary>
public sealed class RunNodeTests
{
    [Fact]
    public async Task A_run_records_the_name_of_the_node_that_ran_it()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build(), new Dictionary<string, string?> { ["Node:Name"] = "worker-7" });
        await f.PersonAsync("p001", "person1@example.com");

        var run = await f.RunAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal("worker-7", await f.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == run.Id).Select(r => r.Node).SingleAsync()));
    }

    [Fact]
    public async Task A_run_on_a_node_without_a_name_records_its_machine_and_process()
    {
        await using var f = await SyncFlowFixture.StartAsync(SyncScenario.Build());
        await f.PersonAsync("p001", "person1@example.com");

        var run = await f.RunAsync();

        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", await f.Host.QueryAsync(db => db.SyncRuns.Where(r => r.Id == run.Id).Select(r => r.Node).SingleAsync()));
    }
}
