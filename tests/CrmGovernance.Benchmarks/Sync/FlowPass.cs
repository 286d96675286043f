using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>
/// One pass: a run of every measured flow through the real engine (<see cref="SyncRunner.RunAsync"/>), all started at
/// once, each on its node. Records per second: of each run over its own wall clock, and of the pass (every record over
/// the wall clock from the first start to the last end).
/// </summary>
internal sealed record FlowPass(IReadOnlyList<FlowPass.FlowRun> Runs, TimeSpan Elapsed, TimeSpan Cpu)
{
    public long Processed => Runs.Sum(r => (long)r.Run.Processed);

    public double PerSecond => Processed / Elapsed.TotalSeconds;

    public static async Task<FlowPass> MeasureAsync(SyncNodes nodes, int flows, string label, CancellationToken cancellationToken)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var runs = await Task.WhenAll(Enumerable.Range(1, flows).Select(n => Task.Run(() => RunAsync(nodes, n, cancellationToken), cancellationToken)));
        clock.Stop();
        process.Refresh();
        var pass = new FlowPass(runs, clock.Elapsed, process.TotalProcessorTime - cpuBefore);
        var c = CultureInfo.InvariantCulture;
        var cpu = string.Create(c, $"process CPU {pass.Cpu.TotalSeconds:F2} s = {pass.Processed / Math.Max(0.001, pass.Cpu.TotalSeconds):N0} records per CPU-second");
        if (flows == 1)
        {
            Console.WriteLine(string.Create(c, $"{label}: {Outcomes(runs[0].Run)} in {pass.Elapsed.TotalSeconds:F2} s = {pass.PerSecond:N0} records/s; {cpu}"));
            return pass;
        }
        Console.WriteLine(string.Create(c, $"{label}, {flows} flows at once:"));
        foreach (var run in runs)
        {
            Console.WriteLine(string.Create(c,
                $"  flow {run.Flow} on node {run.Node}: {Outcomes(run.Run)} in {run.Elapsed.TotalSeconds:F2} s = {run.PerSecond:N0} records/s"));
        }
        Console.WriteLine(string.Create(c, $"  combined: {pass.Processed:N0} records in {pass.Elapsed.TotalSeconds:F2} s = {pass.PerSecond:N0} records/s; {cpu}"));
        return pass;
    }

    private static async Task<FlowRun> RunAsync(SyncNodes nodes, int flow, CancellationToken cancellationToken)
    {
        var runner = nodes.For(flow).Services.GetRequiredService<SyncRunner>();
        var clock = Stopwatch.StartNew();
        var run = await runner.RunAsync(new SyncRunRequest(SyncBenchmarkConfiguration.FlowOf(flow), SyncTrigger.Cli, "benchmark"),
            ActorContext.System("benchmark"), cancellationToken);
        return new FlowRun(flow, nodes.NameFor(flow), run, clock.Elapsed);
    }

    private static string Outcomes(SyncRun run) => string.Create(CultureInfo.InvariantCulture,
        $"{run.Status}, {run.Processed:N0} records ({run.Created:N0} created, {run.Updated:N0} updated, {run.Unchanged:N0} unchanged, {run.Rejected:N0} rejected, {run.Failed:N0} failed)");

    public sealed record FlowRun(int Flow, string Node, SyncRun Run, TimeSpan Elapsed)
    {
        public double PerSecond => Run.Processed / Elapsed.TotalSeconds;
    }
}
