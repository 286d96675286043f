using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Scenarios.Sandbox;

/// <summary>One thing that came out other than expected: what, the expected value, the actual one.</summary>
public sealed record ScenarioDifference(string What, string Expected, string Actual);

/// <summary>One input of a scenario: what was expected and what happened (in words), and the differences (none: passed).</summary>
public sealed record ScenarioRecordCheck(string SourceId, ExpectedOutcome Expected, string ExpectedText, string Actual, string? Reason, string? TargetId,
    IReadOnlyList<ScenarioDifference> Differences)
{
    public bool Passed => Differences.Count == 0;
}

/// <summary>
/// A scenario's run in the sandbox: how the run ended, each input's check, the target records that had to hold values
/// afterwards, or why it could not run at all (<see cref="Error"/>).
/// </summary>
public sealed record ScenarioOutcome(Guid ScenarioId, string Name, Guid FlowId, string FlowName, string RunStatus, string? Message,
    IReadOnlyList<ScenarioRecordCheck> Records, IReadOnlyList<ScenarioDifference> Afterwards, string? Error = null)
{
    /// <summary>What the scenario checks, in the team's words.</summary>
    public string Description { get; init; } = "";

    public bool Passed => Error is null && Records.All(r => r.Passed) && Afterwards.Count == 0;

    public int Differences => (Error is null ? 0 : 1) + Records.Sum(r => r.Differences.Count) + Afterwards.Count;
}
