using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Benchmarks.Audit;
using CrmGovernance.Benchmarks.Matching;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Insights;

/// <summary>
/// The managers' dashboard over a year of ledger: seeds runs, record outcomes, queues, scans, incidents and seven published
/// versions into a migrated portal database (seeding timed apart), rebuilds the roll-ups, then times the dashboard for the
/// last 90 days against the 90 before, a mid-year version's comparison and the first drill-down page (median of warm runs),
/// and the live roll-up's cost per finished run.
/// </summary>
public sealed class DashboardBenchmark : IBenchmarkCommand
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public string Name => "dashboard";

    public string Usage => "insights dashboard, comparison, drill-down and roll-ups over a seeded year  [--ledger 1000000] [--runs 10000] [--repeat 9] [--rollup-runs 500] [--database PATH (kept, reused)] [--rebuild 1]";

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var ledger = options.Number("ledger", 1_000_000);
        var runs = options.Number("runs", 10_000);
        var repeat = options.Number("repeat", 9);
        var rollupRuns = options.Number("rollup-runs", 500);
        var databasePath = options.Text("database", "");
        Console.WriteLine(string.Create(C, $"dashboard: {runs:N0} runs, {ledger:N0} record outcomes over 365 days, 5 flows; {MemoryMeter.MachineLine()}"));

        await using var host = await AuditBenchmarkHost.StartAsync(databasePath.Length == 0 ? null : databasePath, cancellationToken);
        var nowUtc = DateTime.UtcNow;
        var (seedSeconds, anchor) = await SeedAsync(host, runs, ledger, nowUtc, cancellationToken);
        var rebuildSeconds = options.Number("rebuild", 1, min: 0) > 0 ? await RebuildAsync(host, cancellationToken) : 0;
        Console.WriteLine(string.Create(C, $"database: {host.DatabaseMegabytes():F0} MB"));

        var today = DateOnly.FromDateTime(nowUtc);
        var filter = InsightsFilter.LastDays(today, 90);
        await using var admin = host.Scope(a => a.SetUser("bench-admin", "admin@example.com", [Roles.Admin], AuditSources.Ui));
        var dashboard = admin.ServiceProvider.GetRequiredService<InsightsDashboard>();
        var (dashboardMs, dashboardMax, first, data) = await TimeAsync(() => dashboard.LoadAsync(filter, cancellationToken), repeat);
        Console.WriteLine(string.Create(C,
            $"dashboard, last 90 days against the 90 before: median {dashboardMs:F1} ms, max {dashboardMax:F1} ms, first (cold) {first:F1} ms over {repeat} warm runs"));
        Console.WriteLine(string.Create(C,
            $"  {data.Cards.Count} cards, {data.Flows.Count} flows, {data.Rejections.Count} reasons, {data.Versions.Count} versions in the period; records moved {data.Card(InsightCards.RecordsMoved)?.Value:N0} (baseline {data.Card(InsightCards.RecordsMoved)?.Baseline:N0}), lead p50 {data.Card(InsightCards.LeadResponseP50)?.Value:F0} s (baseline {data.Card(InsightCards.LeadResponseP50)?.Baseline:F0} s)"));
        await BucketQueryAsync(host, filter, cancellationToken);

        var comparison = admin.ServiceProvider.GetRequiredService<InsightsComparison>();
        var (comparisonMs, comparisonMax, _, compared) = await TimeAsync(() => comparison.CompareAsync(anchor.MidYearVersion, cancellationToken: cancellationToken), repeat);
        Console.WriteLine(string.Create(C,
            $"comparison of version {anchor.MidYearVersion} ({compared.Days} days each side, {compared.ChangedFlows.Count} changed flow(s), {compared.ControlFlows.Count} control): median {comparisonMs:F1} ms, max {comparisonMax:F1} ms"));

        var drill = admin.ServiceProvider.GetRequiredService<InsightsDrill>();
        var (drillMs, drillMax, _, page) = await TimeAsync(() => drill.RunsAsync(new DrillQuery(InsightCards.RecordsMoved, filter), 0, 50, cancellationToken), repeat);
        Console.WriteLine(string.Create(C,
            $"drill-down, records moved over 90 days, first page of runs: median {drillMs:F1} ms, max {drillMax:F1} ms ({page.Total:N0} runs, {page.Counted:N0} records)"));

        var rollup = await RollupAsync(host, anchor, rollupRuns, nowUtc, cancellationToken);
        Console.WriteLine(string.Create(C,
            $"live roll-up of {rollup.Runs} runs of about 100 records: {rollup.MicrosecondsPerRun:F0} µs per run ({rollup.ComputeMicroseconds:F0} µs computing the contribution from the ledger, the rest writing it)"));

        Console.WriteLine(string.Create(C, $"rebuild_s={rebuildSeconds:F1}"));
        Console.WriteLine(string.Create(C, $"dashboard_ms={dashboardMs:F0} comparison_ms={comparisonMs:F0} drill_runs_ms={drillMs:F0} rollup_us_per_run={rollup.MicrosecondsPerRun:F0} rebuild_s={rebuildSeconds:F1} seed_s={seedSeconds:F1}"));
        return 0;
    }

    private static async Task<(double Seconds, SeedAnchor Anchor)> SeedAsync(AuditBenchmarkHost host, int runs, long ledger, DateTime nowUtc, CancellationToken ct)
    {
        await using (var system = host.Scope(a => a.SetSystem("benchmark", null)))
        {
            var db = system.ServiceProvider.GetRequiredService<CrmDbContext>();
            if (await db.SyncRuns.AnyAsync(ct))
            {
                var last = await db.ConfigurationVersions.MaxAsync(v => v.Number, ct);
                var held = await db.SyncRuns.CountAsync(ct);
                Console.WriteLine(string.Create(C, $"seeding skipped: {host.DatabasePath} already holds {held:N0} runs"));
                return (0, new SeedAnchor(await db.SyncRuns.MaxAsync(r => r.Id, ct), Math.Min(SeedAnchor.MidYear, last), null));
            }
        }
        var versions = SeedAnchor.Versions(nowUtc);
        var fromUtc = nowUtc.AddDays(-365);
        var clock = Stopwatch.StartNew();
        await using (var system = host.Scope(a => a.SetSystem("benchmark", null)))
        {
            await OperationsSeeder.VersionsAsync(system.ServiceProvider.GetRequiredService<CrmDbContext>(), versions, ct);
        }
        var plan = new LedgerPlan(versions, runs, ledger, fromUtc, nowUtc.AddMinutes(-90), 20261206);
        var counts = await LedgerSeeder.SeedAsync(host.ConnectionString, versions, plan.Runs(1), nowUtc, null, ct);
        var ledgerSeconds = clock.Elapsed.TotalSeconds;
        (int Scans, int Incidents) other;
        await using (var system = host.Scope(a => a.SetSystem("benchmark", null)))
        {
            other = await OperationsSeeder.ScansAndIncidentsAsync(system.ServiceProvider.GetRequiredService<CrmDbContext>(), versions, Math.Max(1, runs / 50), fromUtc, nowUtc, ct);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(C,
            $"seeding (not measured): {counts.Runs:N0} runs, {counts.Outcomes:N0} outcomes, {counts.ReviewItems:N0} review items, {counts.ErrorItems:N0} error-queue items in {ledgerSeconds:F1} s ({(counts.Outcomes + counts.ReviewItems + counts.ErrorItems) / ledgerSeconds:N0} rows/s); {other.Scans} scans, {other.Incidents} incidents, {versions.Count} versions; {seconds:F1} s in all"));
        return (seconds, new SeedAnchor(runs, SeedAnchor.MidYear, versions));
    }

    /// <summary>Every roll-up recomputed from the ledger, as an administrator's rebuild does it.</summary>
    private static async Task<double> RebuildAsync(AuditBenchmarkHost host, CancellationToken ct)
    {
        await using var scope = host.Scope(a => a.SetSystem("benchmark", null));
        var rebuilt = await scope.ServiceProvider.GetRequiredService<InsightsRebuild>().RebuildAsync(null, ct);
        Console.WriteLine(string.Create(C, $"rebuild: {rebuilt.Runs:N0} runs, {rebuilt.Units:N0} units, {rebuilt.Buckets:N0} buckets in {rebuilt.Elapsed.TotalSeconds:F1} s"));
        return rebuilt.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The bucket queries alone, to tell them from the in-memory work: the dashboard's three summing queries, and reading
    /// every bucket row of the period and its baseline (what the dashboard did before it summed in SQL).
    /// </summary>
    private static async Task BucketQueryAsync(AuditBenchmarkHost host, InsightsFilter filter, CancellationToken ct)
    {
        await using var scope = host.Scope(a => a.SetSystem("benchmark", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        var all = new InsightsScope(true, new HashSet<Guid>());
        var size = BucketReader.SizeFor(filter);
        var (from, to, baseline) = (filter.FromUtc, filter.ToUtc, filter.FromUtc.AddDays(-filter.Days));
        var (summed, _, _, summedRows) = await TimeAsync(async () =>
            (await BucketReader.SumBySubjectAsync(db, size, from, to, null, null, null, all, null, ct)).Count
            + (await BucketReader.SumByPeriodAsync(db, size, from, to, null, null, null, all, ct)).Count
            + (await BucketReader.SumBySubjectAsync(db, size, baseline, from, null, null, null, all, null, ct)).Count, 5);
        var (raw, _, _, rawRows) = await TimeAsync(async () =>
            (await BucketReader.ReadAsync(db, size, from, to, null, null, null, all, null, ct)).Count
            + (await BucketReader.ReadAsync(db, size, baseline, from, null, null, null, all, null, ct)).Count, 5);
        Console.WriteLine(string.Create(C,
            $"  of which the three summing bucket queries: median {summed:F1} ms for {summedRows:N0} rows (reading every bucket row instead: {raw:F1} ms for {rawRows:N0} rows)"));
    }

    private static async Task<(double MicrosecondsPerRun, double ComputeMicroseconds, int Runs)> RollupAsync(AuditBenchmarkHost host, SeedAnchor anchor, int count, DateTime nowUtc, CancellationToken ct)
    {
        IReadOnlyList<SeedVersion> versions;
        await using (var system = host.Scope(a => a.SetSystem("benchmark", null)))
        {
            versions = anchor.Seeded ?? await SeedAnchor.StoredVersionsAsync(system.ServiceProvider.GetRequiredService<CrmDbContext>(), ct);
        }
        var plan = new LedgerPlan(versions, count, count * 100L, nowUtc.AddMinutes(-80), nowUtc.AddMinutes(-5), 4242);
        var first = anchor.LastRunId + 1;
        await LedgerSeeder.SeedAsync(host.ConnectionString, versions, plan.Runs(first), nowUtc, null, ct);
        await using var scope = host.Scope(a => a.SetSystem("benchmark", null));
        return await RollupCost.MeasureAsync(scope.ServiceProvider, Enumerable.Range(0, count).Select(i => first + i).ToList(), ct);
    }

    /// <summary>One untimed run, then <paramref name="repeat"/> timed: median, max, the untimed one and the last result.</summary>
    private static async Task<(double Median, double Max, double First, T Result)> TimeAsync<T>(Func<Task<T>> run, int repeat)
    {
        var clock = Stopwatch.StartNew();
        var result = await run();
        var first = clock.Elapsed.TotalMilliseconds;
        var samples = new double[repeat];
        for (var k = 0; k < repeat; k++)
        {
            clock.Restart();
            result = await run();
            samples[k] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(samples);
        return (samples[repeat / 2], samples[^1], first, result);
    }
}
