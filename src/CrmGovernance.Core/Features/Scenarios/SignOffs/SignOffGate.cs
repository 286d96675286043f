using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Runs;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Scenarios.SignOffs;

/// <summary>
/// Change control's sign-off check, at approval: a request that names acceptance reviewers, or touches a flow that
/// requires sign-off for every change, is published only once every reviewer has signed off on its current content.
/// </summary>
public sealed class SignOffGate(IDbContextFactory<CrmDbContext> contexts, ActorContext actor) : IChangeRequestCheck
{
    public async Task<IReadOnlyList<string>> CheckAsync(ChangeRequest request, GovernanceConfiguration published, GovernanceConfiguration draft, ChangeCheckStage stage,
        CancellationToken cancellationToken)
    {
        if (stage != ChangeCheckStage.Approve)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var signOffs = await db.SignOffs.AsNoTracking().Where(s => s.ChangeRequestId == request.Id).ToListAsync(cancellationToken);
        var requiring = RequiringFlows(request, published, draft);
        if (signOffs.Count == 0)
        {
            return requiring.Count == 0 ? []
                : [$"{string.Join(", ", requiring.Select(f => f.Name))} require(s) acceptance sign-off for every change: name at least one acceptance reviewer and wait for their sign-off."];
        }
        if (actor.UserId is { } approver && signOffs.Any(s => s.ReviewerId == approver))
        {
            return ["You are an acceptance reviewer of this request: someone else must approve it, so the sign-off and the approval are two people's."];
        }
        var fingerprint = ChangeRequestChecks.Fingerprint(request.Items);
        var missing = signOffs.Where(s => s.Decision != SignOffDecision.SignedOff || s.Fingerprint != fingerprint).ToList();
        return missing.Count == 0 ? [] : [.. missing.Select(s => s.Decision switch
        {
            SignOffDecision.Concern => $"{s.ReviewerName} raised a concern: \"{s.Comment}\". It must be answered (they sign off, or an admin removes them) before publishing.",
            SignOffDecision.SignedOff => $"{s.ReviewerName} signed off on an earlier version of the request; they must sign off on what it holds now.",
            _ => $"{s.ReviewerName} has not signed off yet.",
        })];
    }

    /// <summary>
    /// The flows the request touches that require sign-off for every change (before or after it). None for a rollback: it
    /// restores a version that was published with its sign-offs, and an incident's rollback must not wait for a meeting
    /// (reviewers named on it by hand still have to sign off).
    /// </summary>
    public static IReadOnlyList<DataFlow> RequiringFlows(ChangeRequest request, GovernanceConfiguration published, GovernanceConfiguration draft) =>
        request.RestoresVersion is not null ? []
        : [.. DryRunFlows.Touched(request.Items, published, draft).Where(f => f.RequiresSignOff || published.FindFlow(f.Id)?.RequiresSignOff == true)];
}
