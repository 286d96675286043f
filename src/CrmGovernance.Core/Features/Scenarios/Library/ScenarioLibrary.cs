using System.Security.Cryptography;
using System.Text;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Transforms;
using CrmGovernance.Core.Features.Sync.Engine;

namespace CrmGovernance.Core.Features.Scenarios.Library;

/// <summary>
/// The real-condition scenarios offered for a flow, built from its mappings, rules, sources of truth and match keys: the
/// messy cases integrations break on. Each says what the business expects, not what the configuration happens to do, so
/// a configuration that creates a duplicate or overwrites an owned value fails it. A case that does not apply to the
/// flow (no email, no field another system owns, no rule on a field's change) is left out with the reason.
/// </summary>
public static class ScenarioLibrary
{
    public static LibraryProposal For(GovernanceConfiguration configuration, Guid flowId)
    {
        var (plan, error) = FlowPlan.For(configuration, flowId);
        if (plan is null)
        {
            return new LibraryProposal([], [error ?? "The flow cannot run."]);
        }
        var samples = new ScenarioSamples(plan);
        var cases = new LibraryCases(samples);
        var proposal = new LibraryProposal([], []);
        foreach (var (key, build) in cases.All())
        {
            var (scenario, skipped) = build();
            if (scenario is null)
            {
                proposal.Skipped.Add(skipped!);
                continue;
            }
            proposal.Scenarios.Add(scenario with { Id = IdFor(flowId, key), FlowId = flowId });
        }
        return proposal;
    }

    /// <summary>The same id every time for a flow's case, so adding the library twice changes the scenarios it added instead of copying them.</summary>
    internal static Guid IdFor(Guid flowId, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"scenario-library/{flowId:N}/{key}")).AsSpan(0, 16));
}

/// <summary>The library's scenarios for a flow, and the cases left out with why.</summary>
public sealed record LibraryProposal(List<Scenario> Scenarios, List<string> Skipped);
