using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Scans;

public sealed class DuplicateScanTests
{
    private const int People = 200;

    [Fact]
    public async Task A_scan_finds_the_planted_clusters_stores_their_pairs_and_reports_the_duplicate_rate()
    {
        await using var host = await ScanScenario.StartAsync();
        var crm = host.PathOf("crm.db");
        await ScanScenario.AddDistinctPeopleAsync(crm, People);
        // Three records of one person (a nickname, a phone written another way) and two of another.
        await ScanScenario.AddContactAsync(crm, "dup-a1", "robert.whitfield@example.com", "Robert", "Whitfield", "+44 20 7946 0811");
        await ScanScenario.AddContactAsync(crm, "dup-a2", "robert.whitfield@example.com", "Bob", "Whitfield", "020 7946 0811");
        await ScanScenario.AddContactAsync(crm, "dup-a3", "Robert.Whitfield@Example.com", "Robert", "Whitfield", "+442079460811");
        await ScanScenario.AddContactAsync(crm, "dup-b1", "ines.carvalho@example.com", "Inês", "Carvalho", "+44 113 496 0555");
        await ScanScenario.AddContactAsync(crm, "dup-b2", "ines.carvalho@example.com", "Ines", "Carvalho", "+44 113 496 0555");

        var id = await host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Crm, ScanScenario.Contact));
        var subject = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var scan = await host.FinishedAsync(id);

        Assert.Equal(ScanStatus.Completed, scan.Status);
        Assert.Equal(People + 5, scan.RecordsRead);
        Assert.Equal(2, scan.Clusters);
        Assert.Equal(3, scan.DuplicateRecords);
        Assert.Equal(3.0 / (People + 5), scan.DuplicateRate, 6);
        Assert.Equal(1.0, scan.Progress);
        Assert.Equal(ScanPhases.Done, scan.Phase);
        Assert.Equal(1, scan.ConfigurationVersion);
        Assert.True(scan.CandidatePairs >= scan.PairsFound);
        Assert.Equal(scan.PairsFound, await host.QueryAsync(db => db.DuplicateScanPairs.LongCountAsync(p => p.ScanId == id)));

        var clusters = await host.AsStewardAsync((scans, _) => scans.ClustersAsync(id, 0, 10));
        Assert.Equal(2, clusters.Total);
        Assert.Equal(["dup-a1", "dup-a2", "dup-a3"], clusters.Items[0].Members);
        Assert.Equal(["dup-b1", "dup-b2"], clusters.Items[1].Members);
        Assert.All(clusters.Items.SelectMany(c => c.Pairs), p => Assert.Equal(MatchDecision.AutoMatch, p.Decision));
        Assert.Equal(1, await host.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.DuplicateScanStarted && e.EntityId == subject)));
    }

    [Fact]
    public async Task A_scan_of_a_system_flows_write_to_refreshes_its_match_index()
    {
        await using var host = await ScanScenario.StartAsync();
        await ScanScenario.AddDistinctPeopleAsync(host.PathOf("crm.db"), 30);
        await ScanScenario.AddContactAsync(host.PathOf("crm.db"), "direct-1", "created.in.crm@example.com", "Tomasz", "Wierzbicki", null);

        var id = await host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Crm, ScanScenario.Contact));
        Assert.Equal(ScanStatus.Completed, (await host.FinishedAsync(id)).Status);

        var entries = await host.QueryAsync(db => db.MatchIndexEntries.Where(e => e.SystemId == ScanScenario.Crm && e.ObjectId == ScanScenario.Contact).ToListAsync());
        Assert.Equal(31, entries.Count);
        Assert.Contains("created.in.crm@example.com", Assert.Single(entries, e => e.RecordId == "direct-1").ValuesJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_stops_a_running_scan_and_an_object_is_scanned_once_at_a_time()
    {
        await using var host = await ScanScenario.StartAsync();
        await ScanScenario.AddManyAsync(host.PathOf("crm.db"), 300_000);
        var id = await host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Crm, ScanScenario.Contact));
        // Its progress shows while it runs: the row is written during the scan, not only at its end.
        // On a loaded machine the first look may already find it past reading, so any working phase counts.
        var running = await RunningAsync(host, id);
        Assert.Contains(running.Phase, new[] { ScanPhases.Reading, ScanPhases.Indexing, ScanPhases.Saving });
        Assert.True(running.RecordsRead > 0);

        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Crm, ScanScenario.Contact)));
        Assert.Contains("being scanned already", second.Message, StringComparison.Ordinal);
        Assert.True(await host.AsStewardAsync((scans, _) => scans.CancelAsync(id)));
        var scan = await host.FinishedAsync(id);

        Assert.Equal(ScanStatus.Cancelled, scan.Status);
        Assert.Equal("Cancelled by steward@example.com.", scan.Error);
        Assert.Equal(0, await host.QueryAsync(db => db.DuplicateScanPairs.CountAsync(p => p.ScanId == id)));
        Assert.False(await host.AsStewardAsync((scans, _) => scans.CancelAsync(id)));
        // Once it has stopped, the object can be scanned again.
        var again = await host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Crm, ScanScenario.Contact));
        Assert.True(await host.AsStewardAsync((scans, _) => scans.CancelAsync(again)));
    }

    [Fact]
    public async Task A_scan_of_a_system_that_cannot_be_reached_fails_and_says_so()
    {
        await using var host = await ScanScenario.StartAsync();

        // The archive's database file does not exist.
        var id = await host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Archive, ScanScenario.Contact));
        var scan = await host.FinishedAsync(id);

        Assert.Equal(ScanStatus.Failed, scan.Status);
        Assert.StartsWith("The system could not be reached", scan.Error, StringComparison.Ordinal);
        Assert.Contains("archive.db", scan.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_object_without_a_match_rule_cannot_be_scanned_and_the_choices_list_only_what_can()
    {
        await using var host = await ScanScenario.StartAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.AsStewardAsync((scans, _) => scans.RequestAsync(ScanScenario.Crm, CrmGovernance.Core.Features.FirstRun.StandardObjects.Company)));
        var choices = await host.AsStewardAsync((scans, _) => scans.ChoicesAsync());

        Assert.Contains("has no match rule", refused.Message, StringComparison.Ordinal);
        Assert.True(choices.AnyMatchRule);
        Assert.Equal(["Archive", "CRM"], choices.Targets.Select(t => t.SystemName).ToArray());
        Assert.All(choices.Targets, t => Assert.Equal(ScanScenario.Contact, t.ObjectId));
    }

    /// <summary>The scan's row once it shows records read.</summary>
    private static async Task<DuplicateScan> RunningAsync(Sync.Engine.SyncTestHost host, long id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var scan = await host.QueryAsync(db => db.DuplicateScans.AsNoTracking().SingleAsync(s => s.Id == id));
            if (scan.Status == ScanStatus.Running && scan.RecordsRead > 0)
            {
                return scan;
            }
            Assert.True(DateTime.UtcNow < deadline, $"The scan shows no progress: {scan.Status} {scan.Phase} {scan.RecordsRead}.");
            await Task.Delay(20);
        }
    }
}
