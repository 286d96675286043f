using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Scenarios.Library;
using CrmGovernance.Core.Features.Scenarios.Sandbox;

namespace CrmGovernance.Core.Features.Scenarios;

/// <summary>
/// A flow's scenario suite, in the published configuration or a change request's draft: the scenarios, running them in
/// the sandbox, and the real-condition library offered for the flow. Adding or changing a scenario is an edit of a draft
/// (<see cref="ChangeRequestService.SaveItemAsync"/>), reviewed like any other.
/// </summary>
public sealed class ScenarioService(ActorContext actor, PublishedConfiguration published, ChangeRequestDrafts drafts, TimeProvider time)
{
    /// <summary>The configuration to read: the published one, or the request's draft.</summary>
    public async Task<GovernanceConfiguration> ConfigurationAsync(Guid? changeRequestId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReadConfiguration);
        if (changeRequestId is { } id)
        {
            return await drafts.ConfigurationAsync(id, cancellationToken) ?? throw new KeyNotFoundException("That change request does not exist.");
        }
        return (await published.CurrentAsync(cancellationToken)).Configuration;
    }

    public async Task<IReadOnlyList<Scenario>> SuiteAsync(Guid flowId, Guid? changeRequestId, CancellationToken cancellationToken = default)
    {
        var configuration = await ConfigurationAsync(changeRequestId, cancellationToken);
        return [.. configuration.Scenarios.Where(s => s.FlowId == flowId).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Runs the flow's scenarios (or only <paramref name="scenarioIds"/>) in the sandbox; nothing is stored and no system is reached.</summary>
    public async Task<IReadOnlyList<ScenarioOutcome>> RunSuiteAsync(Guid flowId, Guid? changeRequestId, IReadOnlyCollection<Guid>? scenarioIds = null,
        CancellationToken cancellationToken = default)
    {
        var configuration = await ConfigurationAsync(changeRequestId, cancellationToken);
        if (scenarioIds is { Count: > 0 })
        {
            configuration = configuration with { Scenarios = [.. configuration.Scenarios.Where(s => scenarioIds.Contains(s.Id))] };
        }
        return await ScenarioRunner.RunSuitesAsync(configuration, [flowId], time, cancellationToken);
    }

    /// <summary>Runs one scenario as edited (not saved yet) against the configuration, to see it before adding it.</summary>
    public async Task<ScenarioOutcome> TryAsync(Scenario scenario, Guid? changeRequestId, CancellationToken cancellationToken = default)
    {
        var configuration = await ConfigurationAsync(changeRequestId, cancellationToken);
        return await ScenarioRunner.RunAsync(configuration, scenario, time, cancellationToken);
    }

    /// <summary>The library's real-condition scenarios for the flow, each marked when the suite has it already.</summary>
    public async Task<LibraryProposal> LibraryAsync(Guid flowId, Guid? changeRequestId, CancellationToken cancellationToken = default) =>
        ScenarioLibrary.For(await ConfigurationAsync(changeRequestId, cancellationToken), flowId);
}
