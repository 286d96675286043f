using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>
/// End-to-end sync throughput through the real engine (<see cref="SyncRunner"/> on a generic host with AddCrmCore): a
/// SQLite source of realistic people → a SQLite CRM, 10 mapped fields, exact-key matching on email, the default batch
/// size. Measures a first run (all created), a second run after every source record was touched (all unchanged) and,
/// optionally, where the time goes. The last line is <c>sync_records_per_second=&lt;n&gt;</c> of the first run.
/// </summary>
public sealed class SyncBenchmark : IBenchmarkCommand
{
    public string Name => "sync";

    public string Usage => "end-to-end SQLite → SQLite flow throughput  [--records 100000] [--invalid-percent 0] [--phases 1] [--telemetry 0]";

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var records = options.Number("records", 100_000);
        var invalidPercent = options.Number("invalid-percent", 0, min: 0);
        var phases = options.Number("phases", 1, min: 0) > 0;
        var telemetry = options.Number("telemetry", 0, min: 0) > 0;
        if (invalidPercent > 100)
        {
            throw new ArgumentException("--invalid-percent must be at most 100.");
        }
        var c = CultureInfo.InvariantCulture;
        await using var host = await SyncBenchmarkHost.StartAsync(SyncBenchmarkConfiguration.Build(), telemetry, cancellationToken);
        var batchSize = host.Services.GetRequiredService<IOptions<SyncOptions>>().Value.BatchSize;
        Console.WriteLine(string.Create(c,
            $"sync: {records:N0} people, SQLite → SQLite, 10 mapped fields, match key email, batch size {batchSize:N0}, {invalidPercent} % invalid emails, telemetry {(telemetry ? "on (metrics and traces, OTLP)" : "off")}, {Environment.ProcessorCount} cores, {LoadAverage()}"));

        var generation = Stopwatch.StartNew();
        await PeopleGenerator.CreateSourceAsync(host.PathOf("source.db"));
        await PeopleGenerator.CreateCrmAsync(host.PathOf("crm.db"));
        await PeopleGenerator.CreateCrmAsync(host.PathOf("crm-phases.db"));
        await PeopleGenerator.AddPeopleAsync(host.PathOf("source.db"), records, invalidPercent);
        Console.WriteLine(string.Create(c, $"data generation (not measured): {generation.Elapsed.TotalSeconds:F1} s"));

        var runner = host.Services.GetRequiredService<SyncRunner>();
        var first = await MeasureAsync(runner, "first run (new records)", cancellationToken);
        await PeopleGenerator.TouchAllAsync(host.PathOf("source.db"));
        var second = await MeasureAsync(runner, "second run (every record touched, values unchanged)", cancellationToken);
        var contacts = await PeopleGenerator.CountAsync(host.PathOf("crm.db"), "SELECT COUNT(*) FROM contacts");
        var expected = first.Run.Created;
        Console.WriteLine(string.Create(c, $"check: {contacts:N0} contacts in the CRM, {expected:N0} created by the first run, {second.Run.Created:N0} by the second"));

        if (phases)
        {
            foreach (var line in await PhaseBreakdown.MeasureAsync(host, SyncBenchmarkConfiguration.PhasesFlow, batchSize, cancellationToken))
            {
                Console.WriteLine(line);
            }
        }
        Console.WriteLine(string.Create(c, $"second_run_records_per_second={second.PerSecond:F0}"));
        Console.WriteLine(string.Create(c, $"sync_records_per_second={first.PerSecond:F0}"));
        var consistent = contacts == expected && second.Run.Created == 0 && first.Run.Read == records && second.Run.Read == records;
        return consistent && first.Run.Status is SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors ? 0 : 1;
    }

    private static async Task<Measured> MeasureAsync(SyncRunner runner, string label, CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var run = await runner.RunAsync(new SyncRunRequest(SyncBenchmarkConfiguration.Flow, SyncTrigger.Cli, "benchmark"), ActorContext.System("benchmark"), cancellationToken);
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        var measured = new Measured(run, clock.Elapsed, cpu);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {run.Status}, {run.Processed:N0} records ({run.Created:N0} created, {run.Updated:N0} updated, {run.Unchanged:N0} unchanged, {run.Rejected:N0} rejected, {run.Failed:N0} failed) in {clock.Elapsed.TotalSeconds:F2} s = {measured.PerSecond:N0} records/s; process CPU {cpu.TotalSeconds:F2} s = {run.Processed / Math.Max(0.001, cpu.TotalSeconds):N0} records per CPU-second"));
        return measured;
    }

    /// <summary>The machine is shared: the load average says how much of it the figures had.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

    private sealed record Measured(SyncRun Run, TimeSpan Elapsed, TimeSpan Cpu)
    {
        public double PerSecond => Run.Processed / Elapsed.TotalSeconds;
    }
}
