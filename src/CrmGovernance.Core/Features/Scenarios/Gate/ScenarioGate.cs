using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Scenarios.Sandbox;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Scenarios.Gate;

/// <summary>
/// Change control's scenario check: on submission and approval, every scenario of the flows the request touches runs on
/// its draft in the sandbox; the result is kept with the request (<see cref="ScenarioCheck"/>), and a failure refuses the
/// step with the differences, unless an admin has let this very content through with a reason.
/// </summary>
public sealed class ScenarioGate(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, TimeProvider time) : IChangeRequestCheck
{
    public const int MaxSummaryLength = 4000;
    public const int MaxReasonLength = 2000;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<IReadOnlyList<string>> CheckAsync(ChangeRequest request, GovernanceConfiguration published, GovernanceConfiguration draft, ChangeCheckStage stage,
        CancellationToken cancellationToken)
    {
        var (check, outcomes) = await RunAsync(request, published, draft,
            stage == ChangeCheckStage.Submit ? ScenarioCheckKind.Submit : ScenarioCheckKind.Approve, cancellationToken);
        if (check is null || check.Passed)
        {
            return [];
        }
        if (Covers(await OverrideFor(request.Id, check.Fingerprint, cancellationToken), outcomes))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            await db.ScenarioChecks.Where(c => c.Id == check.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Overridden, true), cancellationToken);
            return [];
        }
        return Refusal(outcomes);
    }

    /// <summary>
    /// Whether an override accepts these failures: given for the same content, and every scenario failing now failed when
    /// it was given (a scenario published since, or another that broke under a rebase, was not accepted by anyone).
    /// </summary>
    internal static bool Covers(ScenarioCheck? given, IReadOnlyList<ScenarioOutcome> outcomes)
    {
        if (given is null)
        {
            return false;
        }
        var accepted = ChangeRequestScenarios.Outcomes(given).Where(o => !o.Passed).Select(o => (o.ScenarioId, o.Name)).ToHashSet();
        return outcomes.Where(o => !o.Passed).All(o => accepted.Contains((o.ScenarioId, o.Name)));
    }

    /// <summary>
    /// The scenarios a request must pass: those of the flows it touches, as in its draft; and, when it changes how a flow
    /// behaves and also changes or removes some of that flow's scenarios, those scenarios as published too (marked "as
    /// published"), so a change cannot loosen the scenario it breaks. A request that only changes scenarios is tried on
    /// its own versions of them.
    /// </summary>
    internal async Task<(IReadOnlyList<DataFlow> Flows, IReadOnlyList<ScenarioOutcome> Outcomes)> TryAsync(ChangeRequest request, GovernanceConfiguration published,
        GovernanceConfiguration draft, CancellationToken cancellationToken)
    {
        var flows = DryRunFlows.Touched(request.Items, published, draft);
        var outcomes = (await ScenarioRunner.RunSuitesAsync(draft, flows.Select(f => f.Id).ToList(), time, cancellationToken)).ToList();
        var behaviour = DryRunFlows.Touched(request.Items.Where(i => i.Kind != ConfigurationItemKind.Scenario).ToList(), published, draft).Select(f => f.Id).ToHashSet();
        var changed = request.Items.Where(i => i.Kind == ConfigurationItemKind.Scenario).Select(i => i.ItemId).ToHashSet();
        foreach (var before in published.Scenarios.Where(s => changed.Contains(s.Id) && behaviour.Contains(s.FlowId)))
        {
            var outcome = await ScenarioRunner.RunAsync(draft, before, time, cancellationToken);
            outcomes.Add(outcome with { Name = $"{before.Name} (as published)" });
        }
        return (flows, outcomes);
    }

    /// <summary>Runs the touched flows' scenarios on the draft and keeps the result; no row when no scenario ran.</summary>
    internal async Task<(ScenarioCheck? Check, IReadOnlyList<ScenarioOutcome> Outcomes)> RunAsync(ChangeRequest request, GovernanceConfiguration published,
        GovernanceConfiguration draft, ScenarioCheckKind kind, CancellationToken cancellationToken, string? reason = null)
    {
        var (flows, outcomes) = await TryAsync(request, published, draft, cancellationToken);
        if (outcomes.Count == 0)
        {
            // Nothing was tried (no flow touched, or its flows have no scenario yet): the request page says so; nothing to keep.
            return (null, outcomes);
        }
        var check = new ScenarioCheck
        {
            ChangeRequestId = request.Id, Kind = kind, Fingerprint = ChangeRequestChecks.Fingerprint(request.Items), CheckedUtc = time.GetUtcNow().UtcDateTime,
            ByName = actor.Name, Scenarios = outcomes.Count, Failed = outcomes.Count(o => !o.Passed), Passed = outcomes.All(o => o.Passed),
            Summary = Summary(flows, outcomes, draft), ResultsJson = JsonSerializer.Serialize(outcomes, Json), Reason = reason,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ScenarioChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);
        return (check, outcomes);
    }

    internal async Task<ScenarioCheck?> OverrideFor(Guid requestId, string fingerprint, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ScenarioChecks.AsNoTracking()
            .Where(c => c.ChangeRequestId == requestId && c.Kind == ScenarioCheckKind.Override && c.Fingerprint == fingerprint)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
    }

    private static List<string> Refusal(IReadOnlyList<ScenarioOutcome> outcomes)
    {
        var lines = new List<string>();
        foreach (var failed in outcomes.Where(o => !o.Passed))
        {
            lines.Add($"Scenario \"{failed.Name}\" of {failed.FlowName} fails on the draft: {Differences(failed, 3)}");
        }
        lines.Add("Fix the draft (or the scenario) and try again; an admin can let it through with a recorded reason.");
        return lines;
    }

    internal static string Differences(ScenarioOutcome outcome, int max)
    {
        if (outcome.Error is { } error)
        {
            return error;
        }
        var all = outcome.Records.SelectMany(r => r.Differences.Select(d => $"{r.SourceId}, {d.What}: expected {d.Expected}, got {d.Actual}"))
            .Concat(outcome.Afterwards.Select(d => $"{d.What}: expected {d.Expected}, got {d.Actual}")).ToList();
        return string.Join("; ", all.Take(max)) + (all.Count > max ? $"; and {all.Count - max:N0} more." : ".");
    }

    private static string Summary(IReadOnlyList<DataFlow> flows, IReadOnlyList<ScenarioOutcome> outcomes, GovernanceConfiguration draft)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Flows: {string.Join(", ", flows.Select(f => f.Name))}. ");
        var bare = flows.Where(f => !draft.Scenarios.Any(s => s.FlowId == f.Id)).ToList();
        if (bare.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"No scenarios yet for {string.Join(", ", bare.Select(f => f.Name))}. ");
        }
        var failed = outcomes.Where(o => !o.Passed).ToList();
        text.Append(failed.Count == 0
            ? $"All {outcomes.Count:N0} scenario(s) passed."
            : $"{failed.Count:N0} of {outcomes.Count:N0} scenario(s) failed: ");
        foreach (var outcome in failed)
        {
            text.Append(CultureInfo.InvariantCulture, $"\"{outcome.Name}\" ({outcome.FlowName}): {Differences(outcome, 2)} ");
        }
        return text.Length <= MaxSummaryLength ? text.ToString().Trim() : text.ToString(0, MaxSummaryLength - 1) + "…";
    }
}
