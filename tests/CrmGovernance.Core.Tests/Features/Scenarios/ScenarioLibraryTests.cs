using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Scenarios.Library;
using CrmGovernance.Core.Features.Scenarios.Sandbox;
using Xunit.Abstractions;

namespace CrmGovernance.Core.Tests.Features.Scenarios;

public sealed class ScenarioLibraryTests(ITestOutputHelper output)
{
    private static readonly GovernanceConfiguration Demo = DemoConfiguration.Build("owner@example.org", "steward@example.org");

    [Theory]
    [InlineData("f10e0000-0000-4000-8000-000000000001")]
    [InlineData("f10e0000-0000-4000-8000-000000000002")]
    [InlineData("f10e0000-0000-4000-8000-000000000003")]
    public async Task Every_generated_scenario_passes_on_the_demo_configuration(string flow)
    {
        var proposal = ScenarioLibrary.For(Demo, Guid.Parse(flow));
        var configuration = Demo with { Scenarios = proposal.Scenarios };
        Assert.Empty(ScenarioValidator.Validate(configuration));
        foreach (var skipped in proposal.Skipped)
        {
            output.WriteLine("skipped: " + skipped);
        }
        var outcomes = await ScenarioRunner.RunSuitesAsync(configuration, [Guid.Parse(flow)], TimeProvider.System, CancellationToken.None);
        foreach (var o in outcomes)
        {
            output.WriteLine($"{o.Name}: {(o.Passed ? "passed" : "FAILED")} {o.RunStatus} {o.Message} {o.Error}");
            foreach (var r in o.Records)
            {
                output.WriteLine($"   {r.SourceId}: {r.Actual} — {r.Reason}");
                foreach (var d in r.Differences)
                {
                    output.WriteLine($"      {d.What}: expected {d.Expected}, got {d.Actual}");
                }
            }
            foreach (var d in o.Afterwards)
            {
                output.WriteLine($"   after: {d.What}: expected {d.Expected}, got {d.Actual}");
            }
        }
        Assert.All(outcomes, o => Assert.True(o.Passed, o.Name));
    }
}
