using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// Reviewing submitted change requests. Approval publishes configuration version N+1, unless an item was changed by
/// another approval since the author started (a conflict: the author rebases, nothing is overwritten).
/// The author can never approve their own request.
/// </summary>
public sealed class ChangeRequestReview(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, TimeProvider clock,
    ConnectorSettingsCheck connectorSettings, ChangeRequestChecks checks)
{
    public async Task<bool> MayReviewAsync(ChangeRequest request, CancellationToken cancellationToken = default)
    {
        if (request.Status != ChangeRequestStatus.Submitted || IsAuthor(request))
        {
            return false;
        }
        var current = (await published.CurrentAsync(cancellationToken)).Configuration;
        return ChangeControlAccess.MayReview(actor, request.Items, current, ChangeSet.Apply(current, request.Items));
    }

    /// <summary>Submitted requests the signed-in user may review (for Home), oldest first.</summary>
    public async Task<IReadOnlyList<ChangeRequestSummary>> WaitingForMeAsync(int max = 20, CancellationToken cancellationToken = default)
    {
        if (!actor.Holds(Capability.ReviewChanges))
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var submitted = await db.ChangeRequests.AsNoTracking().Include(r => r.Items)
            .Where(r => r.Status == ChangeRequestStatus.Submitted).OrderBy(r => r.SubmittedUtc).Take(200).ToListAsync(cancellationToken);
        var mine = new List<ChangeRequestSummary>();
        foreach (var request in submitted)
        {
            if (mine.Count < max && await MayReviewAsync(request, cancellationToken))
            {
                mine.Add(new ChangeRequestSummary(request.Id, request.Number, request.Title, request.Status, request.AuthorName, request.CreatedUtc,
                    request.UpdatedUtc, request.Items.Count, request.PublishedVersion, request.DecidedByName));
            }
        }
        return mine;
    }

    /// <param name="reviewedUpdatedUtc">When the request the reviewer read was last changed; a later change is refused.</param>
    public Task<OperationResult> ApproveAsync(Guid id, string? comment, DateTime? reviewedUpdatedUtc = null, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReviewChanges);
        return ChangeControlGate.RunAsync(contexts, () => PublishAsync(id, comment, reviewedUpdatedUtc, cancellationToken), cancellationToken);
    }

    private async Task<OperationResult> PublishAsync(Guid id, string? comment, DateTime? reviewedUpdatedUtc, CancellationToken cancellationToken)
    {
        var (refused, checkedContent) = await ChecksRefuseAsync(id, reviewedUpdatedUtc, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var request = await db.ChangeRequests.Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (await Refusal(request, reviewedUpdatedUtc, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var latest = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        var current = latest is null ? PublishedSnapshot.None : PublishedConfiguration.ToSnapshot(latest);
        if (checkedContent is not null && checkedContent != ChangeRequestChecks.Fingerprint(request!.Items))
        {
            return OperationResult.Fail($"{request.Label} changed while it was being checked. Nothing was published: review what it contains now.");
        }
        var conflicts = ChangeSet.Conflicts(current.Configuration, request!.Items);
        if (conflicts.Count > 0)
        {
            return OperationResult.Fail(
                $"{request.Label} conflicts with version {current.Version}: {string.Join(", ", conflicts.Select(c => c.DisplayName))} changed after the author started. " +
                "Nothing was published. The author can rebase the request onto the current version and submit it again.");
        }
        var next = ChangeSet.Apply(current.Configuration, request.Items);
        var issues = ConfigurationValidator.Validate(next).Concat(connectorSettings.Validate(next, current.Configuration)).ToList();
        if (issues.Count > 0)
        {
            return new OperationResult(issues.Select(i => i.Message).Distinct().Prepend($"{request.Label} no longer validates against version {current.Version}:").ToList());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var version = new ConfigurationVersion
        {
            Number = current.Version + 1,
            PublishedUtc = now,
            ChangeRequestId = request.Id,
            PublishedByName = actor.Name,
            SnapshotJson = ConfigurationJson.Serialize(next),
        };
        version.Hash = ConfigurationJson.Hash(next);
        db.ConfigurationVersions.Add(version);
        Decide(request, ChangeRequestStatus.Approved, comment, now);
        request.PublishedVersion = version.Number;
        db.Raise(new ConfigurationPublished(version.Number, request.Id), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        published.Publish(version);
        return OperationResult.Success;
    }

    /// <summary>
    /// The other features' checks (scenarios, sign-off), before the publishing transaction: they record what they found,
    /// and SQLite's write lock must not be held meanwhile. Decisions are serialised (ChangeControlGate), so neither the
    /// request nor the published version changes between these checks and the transaction. Null: go on (a request the
    /// transaction would refuse anyway is left to it, with its own message).
    /// </summary>
    private async Task<(OperationResult? Refusal, string? Checked)> ChecksRefuseAsync(Guid id, DateTime? reviewedUpdatedUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (await Refusal(request, reviewedUpdatedUtc, cancellationToken) is { } refusal)
        {
            return (refusal, null);
        }
        var latest = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        var current = (latest is null ? PublishedSnapshot.None : PublishedConfiguration.ToSnapshot(latest)).Configuration;
        if (ChangeSet.Conflicts(current, request!.Items).Count > 0)
        {
            return (null, null);
        }
        var next = ChangeSet.Apply(current, request.Items);
        var refusals = await checks.RunAsync(request, current, next, ChangeCheckStage.Approve, cancellationToken);
        return refusals.Count > 0 ? (new OperationResult(refusals.Prepend($"{request.Label} was not approved; nothing was published:").ToList()), null)
            : (null, ChangeRequestChecks.Fingerprint(request.Items));
    }

    public Task<OperationResult> RejectAsync(Guid id, string reason, DateTime? reviewedUpdatedUtc = null, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReviewChanges);
        return ChangeControlGate.RunAsync(contexts, () => DecideRejectAsync(id, reason, reviewedUpdatedUtc, cancellationToken), cancellationToken);
    }

    private async Task<OperationResult> DecideRejectAsync(Guid id, string reason, DateTime? reviewedUpdatedUtc, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return OperationResult.Fail("Say why the request is rejected, so its author knows what to change.");
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (await Refusal(request, reviewedUpdatedUtc, cancellationToken) is { } refusal)
        {
            return refusal;
        }
        Decide(request!, ChangeRequestStatus.Rejected, reason, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    private async Task<OperationResult?> Refusal(ChangeRequest? request, DateTime? reviewedUpdatedUtc, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return OperationResult.Fail("That change request does not exist.");
        }
        if (reviewedUpdatedUtc is { } seen && seen != request.UpdatedUtc)
        {
            return OperationResult.Fail($"{request.Label} changed after you opened it. Nothing was decided: review what it contains now.");
        }
        if (IsAuthor(request))
        {
            return OperationResult.Fail($"You drafted {request.Label}: someone else must review it.");
        }
        if (request.Status != ChangeRequestStatus.Submitted)
        {
            return OperationResult.Fail($"{request.Label} is {request.Status.ToString().ToLowerInvariant()}, not waiting for review.");
        }
        return await MayReviewAsync(request, cancellationToken)
            ? null
            : OperationResult.Fail($"Only an admin, or a business owner accountable for everything {request.Label} changes (its systems, objects, flows, journeys and match rules), may review it.");
    }

    private void Decide(ChangeRequest request, ChangeRequestStatus status, string? comment, DateTime now)
    {
        request.Status = status;
        request.DecidedById = actor.UserId;
        request.DecidedByName = actor.Name;
        request.DecidedUtc = request.UpdatedUtc = now;
        request.DecisionComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    private bool IsAuthor(ChangeRequest request) => request.AuthorId == (actor.UserId ?? actor.Name);
}
