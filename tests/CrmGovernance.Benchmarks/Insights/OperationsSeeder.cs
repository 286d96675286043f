using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Stewardship.Scans;

namespace CrmGovernance.Benchmarks.Insights;

/// <summary>
/// The few rows beside the ledger, through EF as the portal writes them: the published versions, a weekly duplicate scan of
/// CRM contacts, CRM companies and marketing contacts (the duplicate rate slowly falling), and incidents (one for about
/// fifty runs; acknowledged and resolved after a while, some by expiry, some past their clocks; the latest still open).
/// </summary>
internal static class OperationsSeeder
{
    public static async Task VersionsAsync(CrmDbContext db, IReadOnlyList<SeedVersion> versions, CancellationToken ct)
    {
        foreach (var v in versions)
        {
            db.ConfigurationVersions.Add(new ConfigurationVersion
            {
                Number = v.Number, PublishedUtc = v.PublishedUtc, PublishedByName = "benchmark@example.com",
                SnapshotJson = ConfigurationJson.Serialize(v.Configuration), Hash = ConfigurationJson.Hash(v.Configuration),
            });
        }
        await db.SaveChangesAsync(ct);
    }

    public static async Task<(int Scans, int Incidents)> ScansAndIncidentsAsync(CrmDbContext db, IReadOnlyList<SeedVersion> versions, int incidents,
        DateTime fromUtc, DateTime nowUtc, CancellationToken ct)
    {
        var random = new Random(11);
        var scans = 0;
        (Guid System, Guid Object)[] scanned =
            [(DemoConfiguration.Crm, StandardObjects.Contact), (DemoConfiguration.Crm, StandardObjects.Company), (DemoConfiguration.Marketing, StandardObjects.Contact)];
        for (var at = fromUtc.AddDays(1); at < nowUtc; at = at.AddDays(7))
        {
            var year = (at - fromUtc).TotalDays / 365;
            foreach (var (system, obj) in scanned)
            {
                var read = 40_000 + random.Next(20_000);
                var duplicates = (long)(read * (0.045 - 0.02 * year) * (0.9 + 0.2 * random.NextDouble()));
                db.DuplicateScans.Add(new DuplicateScan
                {
                    SystemId = system, ObjectId = obj, ConfigurationVersion = versions.Last(v => v.PublishedUtc <= at).Number, Status = ScanStatus.Completed,
                    RequestedBy = "system:scan", RequestedUtc = at, StartedUtc = at, FinishedUtc = at.AddMinutes(3), Phase = "Done", Progress = 1, RecordsRead = read,
                    CandidatePairs = read * 3, PairsFound = duplicates, Clusters = duplicates / 2, DuplicateRecords = duplicates, DuplicateRate = (double)duplicates / read,
                });
                scans++;
            }
        }
        var configuration = versions[^1].Configuration;
        for (var i = 0; i < incidents; i++)
        {
            var opened = fromUtc + (nowUtc - fromUtc) * ((i + random.NextDouble()) / incidents);
            var flow = configuration.FindFlow(InsightsBenchmarkConfiguration.Flows[random.Next(InsightsBenchmarkConfiguration.Flows.Length)])!;
            var acknowledged = opened.AddMinutes(5 + 115 * random.NextDouble());
            var resolved = acknowledged.AddMinutes(30 + 2800 * random.NextDouble());
            var active = resolved > nowUtc;
            var expired = !active && random.NextDouble() < 0.15;
            db.Set<Incident>().Add(new Incident
            {
                FoldKey = "bench:" + i, Cause = random.NextDouble() < 0.6 ? IncidentCause.RunFailed : IncidentCause.RejectionRate, Severity = IncidentSeverity.High,
                State = active ? (acknowledged <= nowUtc ? IncidentState.Acknowledged : IncidentState.Open) : IncidentState.Resolved,
                Ending = active ? null : expired ? IncidentEnding.Expired : IncidentEnding.Resolved, Title = flow.Name + " failed", Detail = "Seeded by the benchmark.",
                FlowId = flow.Id, SystemId = flow.TargetSystemId, ObjectId = flow.ObjectId, SubjectName = flow.Name, Owner = "benchmark@example.com",
                EscalationContact = "benchmark@example.com", ConfigurationVersion = versions.Last(v => v.PublishedUtc <= opened).Number,
                FirstSeenUtc = opened, LastSeenUtc = opened, OpenedUtc = opened,
                AcknowledgedUtc = acknowledged <= nowUtc ? acknowledged : null, ResolvedUtc = active ? null : resolved, ClosedUtc = active ? null : resolved,
                AcknowledgeDueUtc = opened.AddHours(1), ResolveDueUtc = opened.AddHours(24),
                AcknowledgeBreached = acknowledged > opened.AddHours(1), ResolveBreached = resolved > opened.AddHours(24),
            });
        }
        await db.SaveChangesAsync(ct);
        return (scans, incidents);
    }
}
