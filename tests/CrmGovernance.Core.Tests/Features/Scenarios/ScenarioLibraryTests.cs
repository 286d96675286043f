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

    [Fact]
    public void The_demo_flows_library_covers_every_real_condition_case()
    {
        var names = Demo.Flows.SelectMany(f => ScenarioLibrary.For(Demo, f.Id).Scenarios).Select(s => s.Name).ToList();
        Assert.Contains("The same record sent twice", names);
        Assert.Contains("The same person written differently", names);
        Assert.Contains("A typo in the email of an existing record", names);
        Assert.Contains("An incomplete record", names);
        Assert.Contains(names, n => n.EndsWith("is owned by another system", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("A value outside the", StringComparison.Ordinal));
        Assert.Contains("Over-long values and odd Unicode", names);
        Assert.Contains("Rule: Refunded order sets the customer status", names);
        Assert.Contains("Rule: Closed-lost opportunity suppresses marketing", names);
        Assert.Contains(names, n => n.EndsWith("unavailable", StringComparison.Ordinal));
        // Each flow gets its own ids, the same each time: adding the library again changes what it added.
        Assert.Equal(ScenarioLibrary.For(Demo, Demo.Flows[0].Id).Scenarios.Select(s => s.Id), ScenarioLibrary.For(Demo, Demo.Flows[0].Id).Scenarios.Select(s => s.Id));
        Assert.Equal(names.Count, Demo.Flows.SelectMany(f => ScenarioLibrary.For(Demo, f.Id).Scenarios).Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_scenario_fails_with_each_difference_when_the_configuration_does_not_do_what_it_expects()
    {
        var typo = ScenarioLibrary.For(Demo, DemoConfiguration.WebFormFlow).Scenarios.Single(s => s.Name == "A typo in the email of an existing record");
        // Without the contact match rule a mistyped email is a second contact: the outcome and the count both differ.
        var outcome = await ScenarioRunner.RunAsync(Demo with { MatchRules = [] }, typo, TimeProvider.System, CancellationToken.None);
        Assert.False(outcome.Passed);
        var record = Assert.Single(outcome.Records);
        Assert.Equal("a new record was created", record.Actual);
        Assert.Equal("joined to the existing record existing-1", record.ExpectedText);
        Assert.Contains(outcome.Afterwards, d => d.What == "contact records in CRM" && d.Expected == "1" && d.Actual == "2");
    }

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
