using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>Editing drafts: items, submission, the author's status changes, rebase.</summary>
public sealed partial class ChangeRequestService
{
    /// <summary>Creates or edits an item in the draft. Saving it back to its published state drops it from the draft.</summary>
    public Task<OperationResult> SaveItemAsync(Guid id, IConfigurationItem item, CancellationToken cancellationToken = default) =>
        EditAsync(id, ConfigurationItems.KindOf(item), item.Id, item, null, cancellationToken);

    /// <summary>
    /// Saves an edit made on a page: <paramref name="original"/> is the item as the page showed it (null: a new item).
    /// If the item changed since (a version was published, or the draft was edited elsewhere), the edit is refused
    /// rather than silently undoing that change.
    /// </summary>
    public Task<OperationResult> SaveEditAsync(Guid id, IConfigurationItem? original, IConfigurationItem edited, CancellationToken cancellationToken = default) =>
        EditAsync(id, ConfigurationItems.KindOf(edited), edited.Id, edited, new StaleCheck(original), cancellationToken);

    public Task<OperationResult> DeleteItemAsync(Guid id, ConfigurationItemKind kind, Guid itemId, CancellationToken cancellationToken = default) =>
        EditAsync(id, kind, itemId, null, null, cancellationToken);

    private sealed record StaleCheck(IConfigurationItem? Original);

    private async Task<OperationResult> EditAsync(Guid id, ConfigurationItemKind kind, Guid itemId, IConfigurationItem? after, StaleCheck? stale,
        CancellationToken cancellationToken)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (EditRefusal(request) is { } refusal)
        {
            return refusal;
        }
        var current = (await published.CurrentAsync(cancellationToken)).Configuration;
        var entry = request!.Items.FirstOrDefault(i => i.Kind == kind && i.ItemId == itemId);
        var before = entry is null ? ChangeSet.CurrentJson(current, kind, itemId) : entry.BeforeJson;
        var shown = entry is null ? before : entry.AfterJson;
        if (stale is not null && (stale.Original is null ? null : ConfigurationJson.Serialize(stale.Original)) != shown)
        {
            return OperationResult.Fail($"The {after?.DisplayName ?? kind.ToString()} changed since you opened it (a new version was published, or this " +
                "request was edited elsewhere). Nothing was saved: keep a copy of your edit, reload the page and apply it again.");
        }
        var afterJson = after is null ? null : ConfigurationJson.Serialize(after);
        var now = clock.GetUtcNow().UtcDateTime;
        if (afterJson == before)
        {
            if (entry is not null)
            {
                db.ChangeRequestItems.Remove(entry);
            }
        }
        else if (entry is null)
        {
            db.ChangeRequestItems.Add(new ChangeRequestItem
            {
                Id = Guid.CreateVersion7(), ChangeRequestId = request.Id, Kind = kind, ItemId = itemId, BeforeJson = before, AfterJson = afterJson,
                DisplayName = (after ?? ConfigurationItems.Find(current, kind, itemId))?.DisplayName ?? kind.ToString(), UpdatedUtc = now,
            });
        }
        else
        {
            entry.AfterJson = afterJson;
            entry.DisplayName = after?.DisplayName ?? entry.DisplayName;
            entry.UpdatedUtc = now;
        }
        request.UpdatedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// Fills a fresh draft with a set of item changes (rollback, YAML import). If one is refused the draft is withdrawn,
    /// so no half-filled request is left behind.
    /// </summary>
    /// <param name="withdrawOnFailure">False when the draft is the user's own work in progress (keep it; report the error).</param>
    public async Task<OperationResult> FillDraftAsync(Guid id, IEnumerable<(ConfigurationItemKind Kind, Guid Id, IConfigurationItem? After)> changes,
        bool withdrawOnFailure = true, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        foreach (var (kind, itemId, after) in changes)
        {
            var result = after is null
                ? await DeleteItemAsync(id, kind, itemId, cancellationToken)
                : await SaveItemAsync(id, after, cancellationToken);
            if (!result.Succeeded)
            {
                if (withdrawOnFailure)
                {
                    await SetStatusByAuthorAsync(id, ChangeRequestStatus.Withdrawn, cancellationToken);
                }
                return result;
            }
        }
        return OperationResult.Success;
    }

    /// <summary>The author drops one item from a draft (e.g. after a rebase conflict).</summary>
    public async Task<OperationResult> DiscardItemAsync(Guid id, Guid entryId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (EditRefusal(request) is { } refusal)
        {
            return refusal;
        }
        if (request!.Items.FirstOrDefault(i => i.Id == entryId) is not { } entry)
        {
            return OperationResult.Fail("That item is no longer part of the request.");
        }
        db.ChangeRequestItems.Remove(entry);
        request.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>Validates the whole resulting configuration; on success the request waits for review.</summary>
    public async Task<OperationResult> SubmitAsync(Guid id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (EditRefusal(request) is { } refusal)
        {
            return refusal;
        }
        if (request!.Items.Count == 0)
        {
            return OperationResult.Fail("This change request changes nothing yet.");
        }
        var current = (await published.CurrentAsync(cancellationToken)).Configuration;
        var next = ChangeSet.Apply(current, request.Items);
        // The server's limits on what connectors may reach are not governed configuration: checked beside it.
        var issues = ConfigurationValidator.Validate(next).Concat(connectorSettings.Validate(next, current)).ToList();
        if (issues.Count > 0)
        {
            return new OperationResult(issues.Select(i => i.Message).Distinct().ToList());
        }
        var refusals = await checks.RunAsync(request, current, next, ChangeCheckStage.Submit, cancellationToken);
        if (refusals.Count > 0)
        {
            return new OperationResult(refusals.Prepend($"{request.Label} was not submitted:").ToList());
        }
        request.Status = ChangeRequestStatus.Submitted;
        request.SubmittedUtc = request.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>The author takes a submitted request back to edit it, or withdraws a draft for good.</summary>
    public Task<OperationResult> SetStatusByAuthorAsync(Guid id, ChangeRequestStatus status, CancellationToken cancellationToken = default) =>
        ChangeControlGate.RunAsync(contexts, () => SetStatusAsync(id, status, cancellationToken), cancellationToken);

    private async Task<OperationResult> SetStatusAsync(Guid id, ChangeRequestStatus status, CancellationToken cancellationToken)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !IsAuthor(request))
        {
            return OperationResult.Fail("Only the author may reopen or withdraw this change request.");
        }
        if (status is not (ChangeRequestStatus.Draft or ChangeRequestStatus.Withdrawn) || request.Status is not (ChangeRequestStatus.Draft or ChangeRequestStatus.Submitted))
        {
            return OperationResult.Fail($"A {request.Status.ToString().ToLowerInvariant()} change request cannot be changed any more.");
        }
        request.Status = status;
        request.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }

    /// <summary>
    /// After a conflict: replays the author's edits onto the current published items field by field, and returns the
    /// request to draft so its diff is reviewed again. Fields changed both here and meanwhile are listed and nothing is
    /// rebased; the author discards those items and edits them again.
    /// </summary>
    public async Task<OperationResult> RebaseAsync(Guid id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || !IsAuthor(request) || request.Status is not (ChangeRequestStatus.Draft or ChangeRequestStatus.Submitted))
        {
            return OperationResult.Fail("Only the author may rebase an open change request.");
        }
        var snapshot = await published.CurrentAsync(cancellationToken);
        var merges = request.Items.Select(item => (Item: item, Current: ChangeSet.CurrentJson(snapshot.Configuration, item.Kind, item.ItemId),
            Merge: ItemMerge.ThreeWay(item.BeforeJson, item.AfterJson, ChangeSet.CurrentJson(snapshot.Configuration, item.Kind, item.ItemId)))).ToList();
        var conflicts = merges.Where(m => m.Merge.Conflicts.Count > 0)
            .SelectMany(m => m.Merge.Conflicts.Select(c => $"{m.Item.DisplayName}: {c} (version {snapshot.Version}).")).ToList();
        request.Status = ChangeRequestStatus.Draft;
        request.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        if (conflicts.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            return new OperationResult([.. conflicts, "Nothing was rebased. Discard these items from the request and edit them again on the current version."]);
        }
        foreach (var (item, current, merge) in merges)
        {
            item.BeforeJson = current;
            item.AfterJson = merge.Json is null ? null : ConfigurationJson.Serialize(ConfigurationJson.DeserializeItem(item.Kind, merge.Json));
            if (item.BeforeJson == item.AfterJson)
            {
                db.ChangeRequestItems.Remove(item);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return OperationResult.Success;
    }
}
