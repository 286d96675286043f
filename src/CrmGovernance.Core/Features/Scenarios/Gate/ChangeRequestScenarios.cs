using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Scenarios.Sandbox;
using CrmGovernance.Core.Features.Scenarios.SignOffs;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Scenarios.Gate;

/// <summary>
/// A change request's trial, for its page and its acceptance reviewers: the scenarios on its draft, the dry runs, the
/// checks kept at submission and approval, and an admin's override with a reason.
/// </summary>
public sealed class ChangeRequestScenarios(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, ScenarioGate gate,
    SignOffService signOffs)
{
    public const int MinReasonLength = 10;

    /// <summary>Runs the touched flows' scenarios on the draft now; nothing is kept. Fast enough to run on every edit.</summary>
    public async Task<ChangeRequestTrial> TrialAsync(Guid changeRequestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await signOffs.EnsureMayReadAsync(db, changeRequestId, cancellationToken);
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == changeRequestId, cancellationToken)
            ?? throw new KeyNotFoundException("That change request does not exist.");
        var current = (await published.CurrentAsync(cancellationToken)).Configuration;
        var draft = ChangeSet.Apply(current, request.Items);
        var (flows, outcomes) = await gate.TryAsync(request, current, draft, cancellationToken);
        var fingerprint = ChangeRequestChecks.Fingerprint(request.Items);
        var overridden = await gate.OverrideFor(changeRequestId, fingerprint, cancellationToken);
        var runs = await db.SyncRuns.AsNoTracking().Where(r => r.ChangeRequestId == changeRequestId && r.DryRun)
            .OrderByDescending(r => r.Id).Take(50).ToListAsync(cancellationToken);
        var dryRuns = runs.GroupBy(r => r.FlowId).Select(g => g.First())
            .Select(r => new DryRunSummary(r.Id, r.FlowName, r.StartedUtc, r.Status.ToString(), r.Read, r.Created, r.Updated + r.Unchanged + r.Appended,
                r.DuplicatesPrevented, r.Queued, r.Rejected, r.Failed)).OrderBy(r => r.FlowName, StringComparer.CurrentCultureIgnoreCase).ToList();
        return new ChangeRequestTrial([.. flows.Select(f => f.Name)], [.. flows.Where(f => !draft.Scenarios.Any(s => s.FlowId == f.Id)).Select(f => f.Name)],
            outcomes, ScenarioGate.Covers(overridden, outcomes) ? overridden : null, dryRuns) { Fingerprint = fingerprint };
    }

    /// <summary>The checks kept for the request (submission, approval, overrides), newest first.</summary>
    public async Task<IReadOnlyList<ScenarioCheck>> ChecksAsync(Guid changeRequestId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await signOffs.EnsureMayReadAsync(db, changeRequestId, cancellationToken);
        return await db.ScenarioChecks.AsNoTracking().Where(c => c.ChangeRequestId == changeRequestId).OrderByDescending(c => c.Id).Take(50)
            .ToListAsync(cancellationToken);
    }

    /// <summary>A kept check's outcomes, as they were.</summary>
    public static IReadOnlyList<ScenarioOutcome> Outcomes(ScenarioCheck check) =>
        JsonSerializer.Deserialize<List<ScenarioOutcome>>(check.ResultsJson, ScenarioGate.Json) ?? [];

    /// <summary>
    /// An admin lets the request's current content through although scenarios fail, with a reason: kept as a check of
    /// its own (with the failures it accepts), and holding only until the request's content changes.
    /// </summary>
    /// <param name="seenFingerprint">The content the admin looked at (<see cref="ChangeRequestTrial.Fingerprint"/>); refused when the request changed since.</param>
    public async Task<OperationResult> OverrideAsync(Guid changeRequestId, string reason, string? seenFingerprint = null, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.OverrideScenarios);
        reason = (reason ?? "").Trim();
        if (reason.Length < MinReasonLength || reason.Length > ScenarioGate.MaxReasonLength)
        {
            return OperationResult.Fail($"Say why the change may go ahead although scenarios fail ({MinReasonLength}–{ScenarioGate.MaxReasonLength:N0} characters): it is kept with the request.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == changeRequestId, cancellationToken);
        if (request is null || request.Status is not (ChangeRequestStatus.Draft or ChangeRequestStatus.Submitted))
        {
            return OperationResult.Fail("Only a draft or submitted change request can be let through.");
        }
        if (seenFingerprint is not null && seenFingerprint != ChangeRequestChecks.Fingerprint(request.Items))
        {
            return OperationResult.Fail($"{request.Label} was edited after you opened it; nothing was let through. Read what it holds now.");
        }
        var current = (await published.CurrentAsync(cancellationToken)).Configuration;
        var draft = ChangeSet.Apply(current, request.Items);
        var (_, outcomes) = await gate.TryAsync(request, current, draft, cancellationToken);
        if (outcomes.All(o => o.Passed))
        {
            return OperationResult.Fail($"Every scenario of {request.Label} passes: there is nothing to override.");
        }
        await gate.RunAsync(request, current, draft, ScenarioCheckKind.Override, cancellationToken, reason);
        return OperationResult.Success;
    }
}
