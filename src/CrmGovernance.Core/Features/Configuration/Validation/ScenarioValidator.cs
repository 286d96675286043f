using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>Scenarios: of a flow that exists, named once per flow, within the sizes a sandbox run stays fast with.</summary>
public static class ScenarioValidator
{
    public const int MaxScenariosPerFlow = 200;
    public const int MaxRecords = 100;
    public const int MaxFields = 200;
    public const int MaxValueLength = 10_000;

    public static IEnumerable<ValidationIssue> Validate(GovernanceConfiguration c)
    {
        foreach (var s in c.Scenarios)
        {
            var flow = c.FindFlow(s.FlowId);
            if (flow is null)
            {
                yield return Issue(s, $"The {s.DisplayName} belongs to a flow that does not exist.");
                continue;
            }
            if (string.IsNullOrWhiteSpace(s.Name))
            {
                yield return Issue(s, $"A scenario of {flow.Name} needs a name.");
            }
            if (s.Inputs.Count == 0)
            {
                yield return Issue(s, $"The {s.DisplayName} has no input record: add at least one.");
            }
            if (s.Inputs.Count > MaxRecords || s.Existing.Count > MaxRecords || s.Afterwards.Count > MaxRecords)
            {
                yield return Issue(s, $"The {s.DisplayName} holds more than {MaxRecords} input or existing records; split it.");
            }
            foreach (var problem in Records(s))
            {
                yield return Issue(s, $"The {s.DisplayName}: {problem}");
            }
        }
        foreach (var group in c.Scenarios.GroupBy(s => (s.FlowId, s.Name.Trim().ToUpperInvariant())).Where(g => g.Count() > 1))
        {
            yield return Issue(group.Last(), $"Two scenarios of the same flow are called \"{group.Last().Name}\"; names must be unique per flow.");
        }
        foreach (var group in c.Scenarios.GroupBy(s => s.FlowId).Where(g => g.Count() > MaxScenariosPerFlow))
        {
            yield return Issue(group.Last(), $"A flow has more than {MaxScenariosPerFlow} scenarios.");
        }
    }

    private static IEnumerable<string> Records(Scenario s)
    {
        var fields = s.Inputs.Select(i => i.Fields).Concat(s.Existing.Concat(s.Afterwards).Select(e => e.Fields)).Concat(s.Inputs.Select(i => i.Expected.Values)).ToList();
        if (fields.Any(f => f.Count > MaxFields))
        {
            yield return $"a record has more than {MaxFields} fields.";
        }
        if (fields.Any(f => f.Any(v => v.Key.Length == 0 || v.Key.Length > 200 || v.Value?.Length > MaxValueLength)))
        {
            yield return $"a field has no name, or a name or value longer than allowed ({MaxValueLength:N0} characters).";
        }
        if (s.Inputs.Any(i => string.IsNullOrWhiteSpace(i.SourceId)) || s.Existing.Any(e => string.IsNullOrWhiteSpace(e.Id)))
        {
            yield return "every record needs an id.";
        }
        if (s.Existing.GroupBy(e => (e.ObjectKey ?? "", e.Id)).Any(g => g.Count() > 1))
        {
            yield return "two existing records have the same id.";
        }
        foreach (var input in s.Inputs.Where(i => i.Expected.Outcome == ExpectedOutcome.Merged))
        {
            if (input.Expected.TargetId is { } id && !s.Existing.Any(e => e.ObjectKey is null && e.Id == id))
            {
                yield return $"the input {input.SourceId} is expected to join the existing record {id}, which the scenario does not hold.";
            }
        }
        if (s.TargetRecordsAfter is < 0 or > MaxRecords * 2)
        {
            yield return "the number of target records expected afterwards is out of range.";
        }
        if (s.TargetUnavailable && s.Inputs.Any(i => i.Expected.Outcome != ExpectedOutcome.Kept))
        {
            yield return "with the target unavailable, every input can only be expected to be kept for the next run.";
        }
        if (!s.TargetUnavailable && s.Inputs.Any(i => i.Expected.Outcome == ExpectedOutcome.Kept))
        {
            yield return "an input can be expected to be kept for the next run only when the target is unavailable.";
        }
    }

    private static ValidationIssue Issue(Scenario s, string message) => new(ConfigurationItemKind.Scenario, s.Id, message);
}
