using CrmGovernance.Core.Features.Scenarios.Sandbox;

namespace CrmGovernance.Core.Features.Scenarios.Gate;

/// <summary>
/// What a change request's draft does to the messy cases and to real data: the scenarios of the flows it touches run on
/// the draft now (not kept), the flows with no scenario, an admin's override of this content if it accepts today's failures, and the latest dry
/// run of each touched flow on the draft.
/// </summary>
public sealed record ChangeRequestTrial(IReadOnlyList<string> Flows, IReadOnlyList<string> FlowsWithoutScenarios, IReadOnlyList<ScenarioOutcome> Outcomes,
    ScenarioCheck? Override, IReadOnlyList<DryRunSummary> DryRuns)
{
    public bool Passed => Outcomes.All(o => o.Passed);

    /// <summary>The request's content this trial ran on (an override or a sign-off given on the page is for this content).</summary>
    public string Fingerprint { get; init; } = "";
}

/// <summary>A dry run of a flow on a request's draft, in the words of the change page: what it would create, update, merge, hold and refuse.</summary>
public sealed record DryRunSummary(long RunId, string FlowName, DateTime StartedUtc, string Status, int Read, int Created, int Updated, int Merged, int Queued,
    int Rejected, int Failed);
