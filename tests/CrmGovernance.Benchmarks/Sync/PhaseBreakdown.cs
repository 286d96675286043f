using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>
/// Where a run's time goes: the engine's public parts driven batch by batch as <see cref="SyncExecutor"/> drives them
/// (read → <see cref="BatchProcessor"/> → <see cref="RunRecorder"/>), on a flow of its own into a fresh CRM, each part
/// timed. The crosswalk lookup happens inside the processor; it is timed again on its own (not subtracted).
/// </summary>
internal static class PhaseBreakdown
{
    public static async Task<IReadOnlyList<string>> MeasureAsync(SyncBenchmarkHost host, Guid flowId, int batchSize, CancellationToken cancellationToken)
    {
        var published = await host.Services.GetRequiredService<PublishedConfiguration>().CurrentAsync(cancellationToken);
        var plan = FlowPlan.For(published.Configuration, flowId).Plan ?? throw new InvalidOperationException("The phase flow is missing.");
        await using var scope = host.SystemScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var crosswalk = scope.ServiceProvider.GetRequiredService<CrosswalkStore>();
        var connectors = host.Services.GetRequiredService<IConnectorFactory>();
        var run = await NewRunAsync(contexts, plan, published.Version, cancellationToken);
        await using var source = connectors.Open(plan.Source);
        await using var target = new TimedConnector(connectors.Open(plan.Target));
        var processor = new BatchProcessor(plan, target, crosswalk, TimeProvider.System);
        // Cursor moves stay off: they need the flow's lease, which this pass does not take (the recording is otherwise the same).
        var recorder = new RunRecorder(contexts, plan, run, "benchmark-phases");
        TimeSpan read = default, links = default, process = default, record = default;
        string? cursor = null;
        while (true)
        {
            var started = Stopwatch.GetTimestamp();
            var page = await source.ReadChangesAsync(plan.BusinessObject.Key, cursor, batchSize, cancellationToken);
            read += Stopwatch.GetElapsedTime(started);
            if (page.Records.Count == 0)
            {
                break;
            }
            started = Stopwatch.GetTimestamp();
            await crosswalk.TargetIdsAsync(plan, page.Records.Select(r => r.Id).ToList(), cancellationToken);
            links += Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            var batch = await processor.ProcessAsync(page.Records, dryRun: false, new HashSet<string>(), cancellationToken);
            process += Stopwatch.GetElapsedTime(started);
            started = Stopwatch.GetTimestamp();
            var now = DateTime.UtcNow;
            await recorder.RecordAsync(batch, page.NextCursor, moveCursor: false, now, now.AddMinutes(2), cancellationToken);
            record += Stopwatch.GetElapsedTime(started);
            cursor = page.NextCursor;
        }
        var total = read + process + record;
        var inMemory = process - target.Lookup - target.Write;
        var c = CultureInfo.InvariantCulture;
        string Line(string what, TimeSpan time) =>
            string.Create(c, $"  {what,-50} {time.TotalSeconds,7:F2} s  {100 * time / total,5:F1} %  {time.TotalMicroseconds / Math.Max(1, run.Read),7:F1} µs/record");
        return
        [
            string.Create(c, $"phases (engine parts on a fresh CRM, {run.Read:N0} records, {run.Created:N0} created, {total.TotalSeconds:F2} s, {run.Read / total.TotalSeconds:F0} records/s):"),
            Line("source read (SQL connector)", read),
            Line("target lookup by id and email (SQL connector)", target.Lookup),
            Line("target write (SQL connector upserts)", target.Write),
            Line("map, validate, match, rules + crosswalk read", inMemory),
            Line("record (outcomes, links, counters: RunRecorder)", record),
            Line("crosswalk read again on its own (not in the total)", links),
        ];
    }

    private static async Task<SyncRun> NewRunAsync(IDbContextFactory<CrmDbContext> contexts, FlowPlan plan, int version, CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        var run = new SyncRun
        {
            FlowId = plan.Flow.Id, FlowName = plan.Flow.Name, ConfigurationVersion = version, Trigger = SyncTrigger.Manual, StartedBy = "benchmark",
            StartedUtc = now, HeartbeatUtc = now,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }
}
