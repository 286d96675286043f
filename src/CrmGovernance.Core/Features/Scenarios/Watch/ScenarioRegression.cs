using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Incidents.Triggers;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.Sandbox;

namespace CrmGovernance.Core.Features.Scenarios.Watch;

/// <summary>
/// The nightly regression: every flow's scenarios run against the published configuration; a flow with a failing
/// scenario gets an incident for its owner (one per flow, folded night after night), and a flow whose scenarios all pass
/// again closes it as recovered.
/// </summary>
public sealed class ScenarioRegression(PublishedConfiguration published, IncidentRecorder recorder, IncidentRecovery recovery, TimeProvider time)
{
    /// <summary>Returns the names of the flows with failing scenarios.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(CancellationToken cancellationToken)
    {
        var current = await published.CurrentAsync(cancellationToken);
        var failing = new List<string>();
        foreach (var flow in current.Configuration.Flows.Where(f => current.Configuration.Scenarios.Any(s => s.FlowId == f.Id)))
        {
            var outcomes = await ScenarioRunner.RunSuitesAsync(current.Configuration, [flow.Id], time, cancellationToken);
            var failed = outcomes.Where(o => !o.Passed).ToList();
            var signal = new IncidentSignal(IncidentCause.ScenarioRegression, $"Scenarios of {flow.Name} fail", "") { FlowId = flow.Id };
            if (failed.Count == 0)
            {
                await recovery.RecoverAsync([signal.FoldKey], $"Recovered: every scenario of {flow.Name} passes on version {current.Version}.", null, cancellationToken);
                continue;
            }
            failing.Add(flow.Name);
            var detail = $"{failed.Count:N0} of {outcomes.Count:N0} scenario(s) fail on the published version {current.Version}: "
                + string.Join(" ", failed.Take(5).Select(o => $"\"{o.Name}\": {ScenarioGate.Differences(o, 2)}"));
            await recorder.RecordAsync(signal with { Detail = detail }, cancellationToken: cancellationToken);
        }
        return failing;
    }
}
