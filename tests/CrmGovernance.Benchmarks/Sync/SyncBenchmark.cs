using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Benchmarks.Hosting;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>
/// End-to-end sync throughput through the real engine (<see cref="SyncRunner"/> on a generic host with AddCrmCore): a
/// SQLite source of realistic people → a SQLite CRM, 10 mapped fields, exact-key matching on email, the default batch
/// size, the portal database on SQLite or PostgreSQL (<c>--provider</c>). Measures a first run (all created), a second
/// run after every source record was touched (all unchanged) and, optionally, where the time goes. With <c>--flows N</c>,
/// N such flows (each <c>--records</c> people into a CRM of its own) run at once, each on a worker node of its own on
/// PostgreSQL (<see cref="SyncNodes"/>). The last line is <c>sync_records_per_second=&lt;n&gt;</c> of the first run (of
/// every flow together), then each flow's figure.
/// </summary>
public sealed class SyncBenchmark : IBenchmarkCommand
{
    public string Name => "sync";

    public string Usage => "end-to-end flow throughput, SQLite source → SQLite CRM  [--records 100000] [--flows 1] [--invalid-percent 0] [--phases 1] [--telemetry 0] " + BenchmarkDatabase.Usage;

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var records = options.Number("records", 100_000);
        var flows = options.Number("flows", 1);
        var invalidPercent = options.Number("invalid-percent", 0, min: 0);
        var phases = options.Number("phases", 1, min: 0) > 0;
        var telemetry = options.Number("telemetry", 0, min: 0) > 0;
        if (invalidPercent > 100)
        {
            throw new ArgumentException("--invalid-percent must be at most 100.");
        }
        if (flows > SyncBenchmarkConfiguration.MaxFlows)
        {
            throw new ArgumentException($"--flows must be at most {SyncBenchmarkConfiguration.MaxFlows}.");
        }
        var c = CultureInfo.InvariantCulture;
        // Declared first, so disposed last: the nodes stop before their database is dropped.
        await using var database = await BenchmarkDatabase.CreateAsync(options, cancellationToken);
        await using var nodes = await SyncNodes.StartAsync(database, flows, telemetry, cancellationToken);
        var host = nodes.First;
        var batchSize = host.Services.GetRequiredService<IOptions<SyncOptions>>().Value.BatchSize;
        Console.WriteLine(string.Create(c,
            $"sync: {records:N0} people, SQLite source → SQLite CRM, portal database {database.Description}, {flows} flow(s) at once on {nodes.Count} node(s), 10 mapped fields, match key email, batch size {batchSize:N0}, {invalidPercent} % invalid emails, telemetry {(telemetry ? "on (metrics and traces, OTLP)" : "off")}, {Environment.ProcessorCount} cores, {LoadAverage()}"));

        var generation = Stopwatch.StartNew();
        await PeopleGenerator.CreateSourceAsync(host.PathOf("source.db"));
        for (var n = 1; n <= flows; n++)
        {
            await PeopleGenerator.CreateCrmAsync(host.PathOf(SyncBenchmarkConfiguration.CrmFileOf(n)));
        }
        await PeopleGenerator.CreateCrmAsync(host.PathOf("crm-phases.db"));
        await PeopleGenerator.AddPeopleAsync(host.PathOf("source.db"), records, invalidPercent);
        Console.WriteLine(string.Create(c, $"data generation (not measured): {generation.Elapsed.TotalSeconds:F1} s"));

        var first = await FlowPass.MeasureAsync(nodes, flows, "first run (new records)", cancellationToken);
        await PeopleGenerator.TouchAllAsync(host.PathOf("source.db"));
        var second = await FlowPass.MeasureAsync(nodes, flows, "second run (every record touched, values unchanged)", cancellationToken);
        var consistent = true;
        for (var n = 1; n <= flows; n++)
        {
            // Nothing written twice: as many contacts, and as many distinct emails, as the first run created.
            var crm = host.PathOf(SyncBenchmarkConfiguration.CrmFileOf(n));
            var contacts = await PeopleGenerator.CountAsync(crm, "SELECT COUNT(*) FROM contacts");
            var emails = await PeopleGenerator.CountAsync(crm, "SELECT COUNT(DISTINCT email) FROM contacts");
            var (one, two) = (first.Runs[n - 1].Run, second.Runs[n - 1].Run);
            Console.WriteLine(string.Create(c,
                $"check{(flows > 1 ? $" flow {n}" : "")}: {contacts:N0} contacts ({emails:N0} distinct emails) in the CRM, {one.Created:N0} created by the first run, {two.Created:N0} by the second"));
            consistent &= contacts == one.Created && emails == contacts && two.Created == 0 && one.Read == records && two.Read == records
                && one.Status is SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithErrors;
        }

        if (phases)
        {
            foreach (var line in await PhaseBreakdown.MeasureAsync(host, SyncBenchmarkConfiguration.PhasesFlow, batchSize, cancellationToken))
            {
                Console.WriteLine(line);
            }
        }
        Console.WriteLine(string.Create(c, $"second_run_records_per_second={second.PerSecond:F0}"));
        var perFlow = flows == 1 ? "" : string.Concat(first.Runs.Select(r => string.Create(c, $" flow_{r.Flow}={r.PerSecond:F0}")));
        Console.WriteLine(string.Create(c, $"sync_records_per_second={first.PerSecond:F0}{perFlow}"));
        return consistent ? 0 : 1;
    }

    /// <summary>The machine is shared: the load average says how much of it the figures had.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";
}
