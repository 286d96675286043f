using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Tests.Features.Sync.Engine;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Scans;

/// <summary>
/// Duplicate scans of the demo's systems as the first start creates them (demo configuration, demo databases): each
/// finds the records the demo keyed in twice, and nothing else.
/// </summary>
public sealed class DemoScanTests
{
    private const string Owner = "owner@example.com";

    public static TheoryData<string, string> Scans => new()
    {
        { "crm", "contacts" },
        { "crm", "companies" },
        { "shop", "customers" },
    };

    [Theory]
    [MemberData(nameof(Scans))]
    public async Task A_scan_of_a_demo_system_finds_the_records_keyed_in_twice(string system, string table)
    {
        var now = DateTime.UtcNow;
        // The flows stay drafts: nothing but the scan touches the demo databases.
        var demo = DemoConfiguration.Build(Owner, Owner);
        demo = demo with { Flows = [.. demo.Flows.Select(f => f with { Status = FlowStatus.Draft })] };
        await using var host = await SyncTestHost.StartAsync(demo, new Dictionary<string, string?> { ["Sync:Worker"] = "true" });
        await DemoDatabases.CreateMissingAsync(host.PathOf("demo"), now, CancellationToken.None);
        var (systemId, objectId) = (system == "crm" ? DemoConfiguration.Crm : DemoConfiguration.Shop, table == "companies" ? StandardObjects.Company : StandardObjects.Contact);
        var seeded = DemoDataSet.Build(now).SeededDuplicates.Where(d => d.Table == table).ToList();

        var id = await host.AsStewardAsync((scans, _) => scans.RequestAsync(systemId, objectId));
        var scan = await host.FinishedAsync(id);

        Assert.True(scan.Status == ScanStatus.Completed, scan.Error);
        Assert.True(scan.DuplicateRecords > 0, $"{system} {table}: no duplicates found in {scan.RecordsRead} records");
        Assert.NotEmpty(seeded);
        var clusters = (await host.AsStewardAsync((scans, _) => scans.ClustersAsync(id, 0, 200))).Items;
        foreach (var (_, original, duplicate) in seeded)
        {
            Assert.Contains(clusters, c => c.Members.Contains(original) && c.Members.Contains(duplicate));
        }
        Assert.Equal(seeded.Count, clusters.Count);
        Assert.Equal(seeded.Count, scan.DuplicateRecords);
    }
}
