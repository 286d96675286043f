using System.Diagnostics;
using CrmGovernance.Core.Features.Configuration.Model;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Core.Tests.Features.Sync.Engine;

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

    [Fact]
    public async Task A_run_with_an_append_rule_killed_with_SIGKILL_writes_each_activity_once()
    {
        const int people = 20_000;
        var append = SyncScenario.Rule("Existing email appends the enquiry", RuleTriggerKind.MatchedExisting,
            new RuleAction { Kind = RuleActionKind.UpdateOwnedFieldsOnly }, new RuleAction { Kind = RuleActionKind.AppendActivity });
        using var workspace = await CliWorkspace.CreateAsync(SyncScenario.Build(append));
        await workspace.AddPeopleAsync(people);
        string[] run = ["--content-root", workspace.Root, "sync", "run", "people to crm"];

        // First submissions, killed between writing a batch and recording it: the batch read again must create its
        // contacts again, not append to them.
        await KillBetweenWriteAndRecordAsync(workspace, run, () => ContactsAsync(workspace),
            () => CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(*) FROM RecordOutcomes"));
        await RunToTheEndAsync(run);
        Assert.Equal(people, await ContactsAsync(workspace));
        Assert.Equal(0, await ActivitiesAsync(workspace));
        Assert.Equal(0, await CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(*) FROM RecordOutcomes WHERE Outcome = 'Appended'"));
        Assert.InRange(await CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(*) FROM RecordOutcomes WHERE Reason LIKE 'Written again%'"), 1, 1_000);

        // Second submissions of the same people, killed the same way: one activity per submission, none twice.
        await workspace.AddPeopleAsync(people, idPrefix: "e", dayOffset: 1);
        await KillBetweenWriteAndRecordAsync(workspace, run, () => ActivitiesAsync(workspace),
            () => CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(*) FROM RecordOutcomes WHERE Outcome = 'Appended'"));
        await RunToTheEndAsync(run);

        Assert.Equal(people, await ContactsAsync(workspace));
        Assert.Equal(people, await ActivitiesAsync(workspace));
        Assert.Equal(people, await CliWorkspace.ScalarAsync(workspace.CrmPath, "SELECT COUNT(DISTINCT record_id) FROM activities"));
        Assert.Equal(people, await CliWorkspace.ScalarAsync(workspace.CrmPath,
            "SELECT COUNT(DISTINCT json_extract(details, '$.id')) FROM activities WHERE json_extract(details, '$.id') LIKE 'e%'"));
        Assert.Equal(people, await CliWorkspace.ScalarAsync(workspace.CrmPath, "SELECT COUNT(*) FROM activities a JOIN contacts c ON c.id = a.record_id"));
        // Each submission is recorded as appended once; those the killed run had written come back as already recorded.
        var appended = await CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(*) FROM RecordOutcomes WHERE Outcome = 'Appended'");
        Assert.Equal(appended, await CliWorkspace.ScalarAsync(workspace.PortalPath, "SELECT COUNT(DISTINCT SourceId) FROM RecordOutcomes WHERE Outcome = 'Appended'"));
        var alreadyRecorded = await CliWorkspace.ScalarAsync(workspace.PortalPath,
            "SELECT COUNT(*) FROM RecordOutcomes WHERE Outcome = 'Unchanged' AND Reason LIKE '%Activity already recorded%'");
        Assert.Equal(people, appended + alreadyRecorded);
        Assert.InRange(alreadyRecorded, 1, 1_000);
        Assert.Equal(["Interrupted", "Succeeded", "Interrupted", "Succeeded"], await CliWorkspace.ColumnAsync(workspace.PortalPath, "SELECT Status FROM SyncRuns ORDER BY Id"));
    }

    /// <summary>
    /// Starts a run and kills it with SIGKILL in the worst place: past the first 5,000 rows, after it wrote a batch to the
    /// target (<paramref name="written"/>) and before the portal recorded it (<paramref name="recorded"/>). The test
    /// holds the portal database's write lock meanwhile, so the run's next record waits and the kill lands in that gap.
    /// </summary>
    private static async Task KillBetweenWriteAndRecordAsync(CliWorkspace workspace, string[] run, Func<Task<long>> written, Func<Task<long>> recorded)
    {
        using var process = CrmgovProcess.Start(run);
        var clock = Stopwatch.StartNew();
        async Task WaitAsync(Func<Task<bool>> until, string what)
        {
            while (!await until())
            {
                Assert.False(process.HasExited, $"The run ended before it was killed (exit code {(process.HasExited ? process.ExitCode : 0)}):\n{process.Output}");
                Assert.True(clock.Elapsed < Patience, $"The run did not {what} in {Patience.TotalSeconds} s:\n{process.Output}");
                await Task.Delay(20);
            }
        }
        await WaitAsync(async () => await written() > 5_000, "write 5,000 rows");
        await using var portal = new SqliteConnection($"Data Source={workspace.PortalPath};Pooling=False;Default Timeout=60");
        await portal.OpenAsync();
        await using (var hold = portal.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
        }
        await WaitAsync(async () => await written() > await recorded(), "write a batch while its record waited");
        await process.KillAsync();
        await using var release = portal.CreateCommand();
        release.CommandText = "ROLLBACK";
        await release.ExecuteNonQueryAsync();
    }

    private static async Task RunToTheEndAsync(string[] run)
    {
        using var process = CrmgovProcess.Start(run);
        Assert.True(await process.WaitAsync(Patience) == 0, "The run after the kill did not succeed:\n" + process.Output);
    }

    private static Task<long> ContactsAsync(CliWorkspace workspace) => CliWorkspace.ScalarAsync(workspace.CrmPath, "SELECT COUNT(*) FROM contacts");

    private static Task<long> ActivitiesAsync(CliWorkspace workspace) => CliWorkspace.ScalarAsync(workspace.CrmPath, "SELECT COUNT(*) FROM activities");
}
