using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Benchmarks.Matching;
using CrmGovernance.Benchmarks.Sync;
using CrmGovernance.Core;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.Library;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Scenarios;

/// <summary>
/// A suite of <c>--count</c> scenarios on a change request's draft, as the change request page and the gate run it: the
/// demo configuration published with that many scenarios of its web form flow (the library's cases, repeated with their
/// own names and record ids, not timed), a draft that edits one of the flow's mappings, then, timed,
/// <see cref="ChangeRequestScenarios.TrialAsync"/> (the draft read, every scenario through the sandbox engine, compared):
/// the first call, then the median of <c>--repeat</c> more, and the submission with its kept check. The last line is
/// <c>scenarios_seconds=&lt;median&gt; first_seconds=&lt;n&gt; submit_seconds=&lt;n&gt;</c>.
/// </summary>
public sealed class ScenariosBenchmark : IBenchmarkCommand
{
    private const string Owner = "owner@bench.example.com";

    public string Name => "scenarios";

    public string Usage => "a suite of scenarios run on a change request's draft in the sandbox, as on every edit and at submission  [--count 50] [--repeat 5]";

    public async Task<int> RunAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var count = options.Number("count", 50);
        var repeat = options.Number("repeat", 5);
        var c = CultureInfo.InvariantCulture;
        var demo = DemoConfiguration.Build(Owner, Owner);
        var suite = Suite(demo, count);
        Console.WriteLine(string.Create(c,
            $"scenarios: {suite.Count:N0} scenarios ({suite.Sum(s => s.Inputs.Count):N0} input and {suite.Sum(s => s.Existing.Count):N0} existing records) of the demo web form flow, on a draft editing one of its mappings; {MemoryMeter.MachineLine()}"));
        await using var host = await SyncBenchmarkHost.StartAsync(demo with { Scenarios = suite }, telemetry: false, new Dictionary<string, string>(), null, cancellationToken);

        await using var scope = host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetUser("bench-owner", Owner, [Roles.BusinessOwner], AuditSources.Ui);
        var requests = scope.ServiceProvider.GetRequiredService<ChangeRequestService>();
        var id = await requests.CreateDraftAsync("Benchmark", "Title case for last names", cancellationToken: cancellationToken);
        var mapping = demo.Mappings.First(m => m.FlowId == DemoConfiguration.WebFormFlow && m.TargetField == "last_name");
        Require(await requests.SaveEditAsync(id, mapping, mapping with { Transforms = [Transform.Of(TransformKind.Trim), Transform.Of(TransformKind.TitleCase)] }, cancellationToken));
        var trials = scope.ServiceProvider.GetRequiredService<ChangeRequestScenarios>();

        var first = Stopwatch.StartNew();
        var trial = await trials.TrialAsync(id, cancellationToken);
        var firstSeconds = first.Elapsed.TotalSeconds;
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            trial = await trials.TrialAsync(id, cancellationToken);
            times.Add(watch.Elapsed.TotalSeconds);
        }
        times.Sort();
        var median = times[times.Count / 2];
        var submit = Stopwatch.StartNew();
        var submitted = await requests.SubmitAsync(id, cancellationToken);
        var submitSeconds = submit.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(c,
            $"{trial.Outcomes.Count(o => o.Passed):N0} of {trial.Outcomes.Count:N0} passed; first call {firstSeconds:F3} s (cold: code paths compiled on first use), then {string.Join(", ", times.Select(t => t.ToString("F3", c)))} s; submitted: {submitted.Succeeded}"));
        Console.WriteLine(string.Create(c, $"scenarios_seconds={median:F3} first_seconds={firstSeconds:F3} submit_seconds={submitSeconds:F3}"));
        return trial.Outcomes.Count == count ? 0 : 1;
    }

    /// <summary>The library's cases of the web form flow, repeated until there are <paramref name="count"/>, each with its own name and record ids.</summary>
    private static List<Scenario> Suite(GovernanceConfiguration demo, int count)
    {
        var library = ScenarioLibrary.For(demo, DemoConfiguration.WebFormFlow).Scenarios;
        return [.. Enumerable.Range(0, count).Select(n =>
        {
            var source = library[n % library.Count];
            var round = n / library.Count;
            return source with
            {
                Id = Guid.CreateVersion7(), Name = round == 0 ? source.Name : $"{source.Name} #{round + 1}",
                Inputs = [.. source.Inputs.Select(i => i with { SourceId = $"{i.SourceId}-{round}" })],
            };
        })];
    }

    private static void Require(OperationResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors));
        }
    }
}
