using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Engine;
using CrmGovernance.Core.Features.Sync.Runs;
using CrmGovernance.Core.Features.Sync.Sandbox;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Scenarios.Sandbox;

/// <summary>
/// Runs scenarios in the sandbox against a configuration (published or a draft) and compares each input's outcome, values,
/// reason and notification with what it expects. Pure: no database, no real system.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Every scenario of these flows in the configuration, flow by flow, in name order.</summary>
    public static async Task<IReadOnlyList<ScenarioOutcome>> RunSuitesAsync(GovernanceConfiguration configuration, IReadOnlyCollection<Guid> flowIds,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var outcomes = new List<ScenarioOutcome>();
        foreach (var scenario in configuration.Scenarios.Where(s => flowIds.Contains(s.FlowId))
            .OrderBy(s => configuration.FindFlow(s.FlowId)?.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            outcomes.Add(await RunAsync(configuration, scenario, time, cancellationToken));
        }
        return outcomes;
    }

    public static async Task<ScenarioOutcome> RunAsync(GovernanceConfiguration configuration, Scenario scenario, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            return await TryRunAsync(configuration, scenario, time, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A scenario the engine cannot run (a malformed record, a rule it cannot apply) fails with why, never as an unhandled error.
            return new ScenarioOutcome(scenario.Id, scenario.Name, scenario.FlowId, configuration.FindFlow(scenario.FlowId)?.Name ?? "(no flow)", "Failed", null, [], [],
                $"The scenario could not run: {e.Message}") { Description = scenario.Description };
        }
    }

    private static async Task<ScenarioOutcome> TryRunAsync(GovernanceConfiguration configuration, Scenario scenario, TimeProvider time, CancellationToken cancellationToken)
    {
        var (plan, error) = FlowPlan.For(configuration, scenario.FlowId);
        if (plan is null)
        {
            return new ScenarioOutcome(scenario.Id, scenario.Name, scenario.FlowId, configuration.FindFlow(scenario.FlowId)?.Name ?? "(no flow)", "NotRun", null, [], [],
                $"The scenario cannot run: {error}");
        }
        var target = new SandboxTarget(plan.Target.Name) { Unavailable = scenario.TargetUnavailable };
        foreach (var record in scenario.Existing)
        {
            target.Seed(record.ObjectKey ?? plan.BusinessObject.Key, record.Id, record.Fields);
        }
        var inputs = scenario.Inputs.Select(i => new ConnectorRecord(i.SourceId, i.Fields)).ToList();
        var result = await SandboxRun.RunAsync(plan, target, inputs, time, cancellationToken);
        var checks = scenario.Inputs.Select((input, n) => Check(plan, target, input, result.Records[n])).ToList();
        var afterwards = scenario.Afterwards.SelectMany(r => Compare($"{r.ObjectKey ?? plan.BusinessObject.Key} {r.Id}", r.Fields,
            target.Unavailable ? null : target.Find(r.ObjectKey ?? plan.BusinessObject.Key, r.Id))).ToList();
        if (scenario.TargetRecordsAfter is { } count && !target.Unavailable && target.All(plan.BusinessObject.Key).Count != count)
        {
            afterwards.Add(new ScenarioDifference($"{plan.BusinessObject.Key} records in {plan.Target.Name}", count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture),
                target.All(plan.BusinessObject.Key).Count.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)));
        }
        return new ScenarioOutcome(scenario.Id, scenario.Name, scenario.FlowId, plan.Flow.Name, result.Status.ToString(), result.Message, checks, afterwards)
        {
            Description = scenario.Description,
        };
    }

    private static ScenarioRecordCheck Check(FlowPlan plan, SandboxTarget target, ScenarioInput input, RecordResult? actual)
    {
        var expected = input.Expected;
        var differences = new List<ScenarioDifference>();
        var actualText = ScenarioWords.Actual(actual);
        if (!OutcomeMatches(expected, actual))
        {
            differences.Add(new("outcome", ScenarioWords.Expected(expected), actualText));
        }
        if (expected.Values.Count > 0)
        {
            var record = actual?.TargetId is { } id && actual.Outcome is not (OutcomeKind.Rejected or OutcomeKind.Queued or OutcomeKind.Failed)
                ? target.Find(plan.BusinessObject.Key, id) : null;
            differences.AddRange(Compare("the target record", expected.Values, record));
        }
        if (expected.ReasonContains is { Length: > 0 } words && !(actual?.Reason ?? "").Contains(words, StringComparison.OrdinalIgnoreCase))
        {
            differences.Add(new("reason", $"mentions \"{words}\"", actual?.Reason ?? "(no reason given)"));
        }
        if (expected.NotifiesOwner is { } notify && notify != (actual?.NotifyRules.Count > 0))
        {
            differences.Add(new("owner notified", notify ? "yes" : "no", notify ? "no" : "yes"));
        }
        return new ScenarioRecordCheck(input.SourceId, expected.Outcome, ScenarioWords.Expected(expected), actualText, actual?.Reason, actual?.TargetId, differences);
    }

    private static bool OutcomeMatches(ScenarioExpectation expected, RecordResult? actual) => (expected.Outcome, actual?.Outcome) switch
    {
        (ExpectedOutcome.Kept, null) => true,
        (_, null) => false,
        (ExpectedOutcome.Merged, var o) => o is OutcomeKind.Updated or OutcomeKind.Unchanged or OutcomeKind.Appended
            && actual!.Match is MatchKind.Key or MatchKind.Fuzzy or MatchKind.Linked
            && (expected.TargetId is null || string.Equals(actual.TargetId, expected.TargetId, StringComparison.Ordinal)),
        (ExpectedOutcome.Created, var o) => o == OutcomeKind.Created,
        (ExpectedOutcome.Updated, var o) => o == OutcomeKind.Updated,
        (ExpectedOutcome.Unchanged, var o) => o == OutcomeKind.Unchanged,
        (ExpectedOutcome.Appended, var o) => o == OutcomeKind.Appended,
        (ExpectedOutcome.Queued, var o) => o == OutcomeKind.Queued,
        (ExpectedOutcome.Rejected, var o) => o == OutcomeKind.Rejected,
        _ => false,
    };

    /// <summary>Each expected field against the record's value (null and empty alike; no record: every field differs).</summary>
    private static IEnumerable<ScenarioDifference> Compare(string what, IReadOnlyDictionary<string, string?> expected, IReadOnlyDictionary<string, string?>? record)
    {
        if (record is null)
        {
            yield return new ScenarioDifference(what, string.Join(", ", expected.Select(v => $"{v.Key} = {ScenarioWords.Value(v.Value)}")), "no such record in the target");
            yield break;
        }
        foreach (var (field, value) in expected.OrderBy(v => v.Key, StringComparer.OrdinalIgnoreCase))
        {
            var found = record.GetValueOrDefault(field);
            if (!string.Equals(Blank(value), Blank(found), StringComparison.Ordinal))
            {
                yield return new ScenarioDifference($"{what}: {field}", ScenarioWords.Value(value), ScenarioWords.Value(found));
            }
        }
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
