using System.Diagnostics;
using CrmGovernance.Core.Tests.Sync.Engine;

namespace CrmGovernance.Core.Tests.Sync.Reliability;

/// <summary>The worker process dies hard in the middle of a run; the next run finishes the job without losing or doubling a record.</summary>
public sealed class KillMidRunTests
{
    private const int People = 50_000;
    // Far above what the runs need (seconds): only a hung process should meet these.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_run_killed_with_SIGKILL_is_finished_by_the_next_run_with_exactly_one_target_record_per_source_record()
    {
        using var workspace = await CliWorkspace.CreateAsync(SyncScenario.Build());
        await workspace.AddPeopleAsync(People);
        string[] run = ["--content-root", workspace.Root, "sync", "run", "people to crm"];

        using (var first = CrmgovProcess.Start(run))
        {
            var clock = Stopwatch.StartNew();
            while (await ContactsAsync(workspace) <= 5_000)
            {
                Assert.False(first.HasExited, $"The first run ended before it was killed (exit code {(first.HasExited ? first.ExitCode : 0)}):\n{first.Output}");
                Assert.True(clock.Elapsed < Patience, $"The first run wrote at most 5,000 contacts in {Patience.TotalSeconds} s:\n{first.Output}");
                await Task.Delay(20);
            }
            Assert.False(first.HasExited, "The first run ended before it was killed:\n" + first.Output);
            await first.KillAsync();
        }
        var afterKill = await ContactsAsync(workspace);
        Assert.InRange(afterKill, 5_001, People - 1);

        using (var second = CrmgovProcess.Start(run))
        {
            Assert.True(await second.WaitAsync(Patience) == 0, "The second run did not succeed:\n" + second.Output);
        }

        Assert.Equal(People, await ContactsAsync(workspace));
        Assert.Equal(People, await CliWorkspace.ScalarAsync(workspace.CrmPath, "SELECT COUNT(DISTINCT email) FROM contacts"));
        Assert.Equal(0, await CliWorkspace.ScalarAsync(workspace.CrmPath, "SELECT COUNT(*) FROM contacts WHERE email IS NULL"));
        Assert.Equal(People, await CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(DISTINCT SourceId) FROM CrosswalkLinks"));
        Assert.Equal(People, await CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(DISTINCT TargetId) FROM CrosswalkLinks"));
        Assert.Equal(People, await CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(*) FROM CrosswalkLinks"));
        Assert.Equal(People, await CliWorkspace.ScalarAsync(workspace.PortalPath,
            $"ATTACH DATABASE '{workspace.CrmPath}' AS crm; SELECT COUNT(*) FROM CrosswalkLinks l JOIN crm.contacts c ON c.id = l.TargetId"));
        Assert.Equal(["Interrupted", "Succeeded"], await CliWorkspace.ColumnAsync(workspace.PortalPath, "SELECT Status FROM SyncRuns ORDER BY Id"));
    }

    private static Task<long> ContactsAsync(CliWorkspace workspace) => CliWorkspace.ScalarAsync(workspace.CrmPath, "SELECT COUNT(*) FROM contacts");
}
