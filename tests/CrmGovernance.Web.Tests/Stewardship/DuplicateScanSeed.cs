using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Web.Tests.Stewardship;

/// <summary>Duplicate scans written straight into a real portal's database, and lookalike contacts written to the demo CRM through its connector.</summary>
internal sealed class DuplicateScanSeed(PortalHost host)
{
    public async Task<long> ScanAsync(DuplicateScan scan, params DuplicateScanPair[] pairs)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.DuplicateScans.Add(scan);
        await db.SaveChangesAsync();
        foreach (var pair in pairs)
        {
            pair.ScanId = scan.Id;
        }
        db.DuplicateScanPairs.AddRange(pairs);
        await db.SaveChangesAsync();
        return scan.Id;
    }

    public async Task UpdateAsync(long id, Action<DuplicateScan> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var scan = await db.DuplicateScans.SingleAsync(s => s.Id == id);
        change(scan);
        // With its operations event in the same save, as the scan's progress reporter and executor write them.
        db.Raise(scan.Status is ScanStatus.Queued or ScanStatus.Running ? new ScanProgressed(scan.Id, scan.Phase, scan.Progress)
            : new ScanFinished(scan.Id, scan.Status.ToString()), DateTime.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>A scan of an object in a system no longer configured (so it never meets a real scan of the demo systems).</summary>
    public static DuplicateScan Scan(ScanStatus status) => new()
    {
        SystemId = Guid.NewGuid(), ObjectId = StandardObjects.Contact, ConfigurationVersion = 1, Status = status, RequestedBy = "steward@example.com",
        RequestedUtc = DateTime.UtcNow.AddMinutes(-3), StartedUtc = DateTime.UtcNow.AddMinutes(-3),
        FinishedUtc = status is ScanStatus.Queued or ScanStatus.Running ? null : DateTime.UtcNow.AddMinutes(-1),
        Phase = status == ScanStatus.Completed ? ScanPhases.Done : "comparing", Progress = status == ScanStatus.Completed ? 1 : 0.4, RecordsRead = 1_200,
    };

    public static DuplicateScanPair Pair(string left, string right, double score, int? cluster) => new()
    {
        LeftRecordId = left, RightRecordId = right, Score = score, Cluster = cluster, Decision = cluster is null ? MatchDecision.Review : MatchDecision.AutoMatch,
    };

    /// <summary>Two CRM contacts of one person (same email and phone, first name written two ways); returns their ids.</summary>
    public async Task<(string First, string Second)> LookalikesAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (first, second) = ($"ds-{tag}-a", $"ds-{tag}-b");
        var configuration = (await host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync()).Configuration;
        await using var crm = host.Services.GetRequiredService<IConnectorFactory>().Open(configuration.FindSystem(DemoConfiguration.Crm)!);
        var results = await crm.WriteBatchAsync("contact",
        [
            new RecordWrite(first, new Dictionary<string, string?> { ["email"] = $"katharina.{tag}@example.com", ["first_name"] = "Katharina", ["last_name"] = "Ostrowski", ["phone"] = "+447700900456" }, IsNew: true),
            new RecordWrite(second, new Dictionary<string, string?> { ["email"] = $"katharina.{tag}@example.com", ["first_name"] = "Katarina", ["last_name"] = "Ostrowski", ["phone"] = "+447700900456" }, IsNew: true),
        ], CancellationToken.None);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error));
        return (first, second);
    }
}
