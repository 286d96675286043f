using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// A steward's decision on a held change (identity values a fuzzy match brought and the run did not write): apply
/// writes the proposed values to the target record through its connector, as a merge does; dismiss keeps the existing
/// values. Either is audited with the values before and after, and settles the item.
/// </summary>
public sealed class HeldChangeService(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, TimeProvider clock,
    PublishedConfiguration published, IConnectorFactory connectors, MatchIndexStore index)
{
    /// <param name="openedUtc">When the steward opened the item on the comparison screen, for the steward time (<see cref="HandlingTime"/>).</param>
    public async Task<ReviewOutcome> ApplyAsync(long itemId, DateTime? openedUtc = null, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkReviewQueue);
        return await MergeService.OneAtATimeAsync(contexts, () => ApplyLockedAsync(itemId, openedUtc, cancellationToken), cancellationToken);
    }

    private async Task<ReviewOutcome> ApplyLockedAsync(long itemId, DateTime? openedUtc, CancellationToken cancellationToken)
    {
        var (item, changes, refusal) = await HeldAsync(itemId, cancellationToken);
        if (refusal is not null)
        {
            return ReviewOutcome.Fail(refusal);
        }
        var (target, problem) = ReviewTarget.For((await published.CurrentAsync(cancellationToken)).Configuration, item!.SystemId, item.ObjectId);
        if (target is null)
        {
            return ReviewOutcome.Fail(problem!);
        }
        ConnectorRecord after;
        Dictionary<string, string?> before;
        try
        {
            await using var connector = connectors.Open(target.System);
            if ((await target.ReadAsync(connector, [item.RightRecordId], cancellationToken)).GetValueOrDefault(item.RightRecordId) is not { } record)
            {
                return ReviewOutcome.Fail($"Record {item.RightRecordId} is no longer in {target.System.Name}: nothing was written. Dismiss the change.");
            }
            if (changes.FirstOrDefault(c => Now(record, c) is var now && now != (c.Existing ?? "") && now != (c.Proposed ?? "")) is { } moved)
            {
                return ReviewOutcome.Fail($"{moved.Label} changed in {target.System.Name} since the run held this change (it is now \"{Now(record, moved)}\"): "
                    + "nothing was written. Dismiss the change, or correct the record in the system.");
            }
            before = changes.ToDictionary(c => c.Field, c => ReviewTarget.Value(record, c.Field), StringComparer.Ordinal);
            var writes = changes.ToDictionary(c => c.Field, c => c.Proposed, StringComparer.Ordinal);
            if ((await connector.WriteBatchAsync(target.BusinessObject.Key, [new RecordWrite(record.Id, writes, IsNew: false)], cancellationToken))
                .FirstOrDefault(r => !r.Succeeded) is { } refused)
            {
                return ReviewOutcome.Fail($"{target.System.Name} refused the proposed values, so nothing was written: {refused.Error}");
            }
            after = (await target.ReadAsync(connector, [record.Id], cancellationToken)).GetValueOrDefault(record.Id)
                ?? record with { Fields = record.Fields.Concat(writes).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value) };
        }
        catch (Exception e) when (target.Problem(e) is { } message)
        {
            return ReviewOutcome.Fail(message);
        }
        await SettleAsync(item, ReviewStatus.ChangeApplied, openedUtc, cancellationToken);
        await new MergeLedger(contexts, index).IndexAsync(target, null, [after], cancellationToken);
        await audit.RecordAsync(AuditActions.ReviewApplyHeldChange, ReviewQueueService.AuditEntityType, item.Id.ToString(CultureInfo.InvariantCulture), new
        {
            system = target.System.Key, @object = target.BusinessObject.Key, record = item.RightRecordId, sourceRecord = item.LeftRecordId,
            before, after = changes.ToDictionary(c => c.Field, c => ReviewTarget.Value(after, c.Field), StringComparer.Ordinal),
        }, cancellationToken: cancellationToken);
        return ReviewOutcome.Ok;
    }

    /// <param name="openedUtc">When the steward opened the item on the comparison screen, for the steward time (<see cref="HandlingTime"/>).</param>
    public async Task<ReviewOutcome> DismissAsync(long itemId, DateTime? openedUtc = null, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkReviewQueue);
        return await MergeService.OneAtATimeAsync(contexts, () => DismissLockedAsync(itemId, openedUtc, cancellationToken), cancellationToken);
    }

    private async Task<ReviewOutcome> DismissLockedAsync(long itemId, DateTime? openedUtc, CancellationToken cancellationToken)
    {
        var (item, changes, refusal) = await HeldAsync(itemId, cancellationToken);
        if (refusal is not null)
        {
            return ReviewOutcome.Fail(refusal);
        }
        await SettleAsync(item!, ReviewStatus.ChangeDismissed, openedUtc, cancellationToken);
        await audit.RecordAsync(AuditActions.ReviewDismissHeldChange, ReviewQueueService.AuditEntityType, item!.Id.ToString(CultureInfo.InvariantCulture), new
        {
            record = item.RightRecordId, sourceRecord = item.LeftRecordId,
            kept = changes.ToDictionary(c => c.Field, c => c.Existing, StringComparer.Ordinal),
            dismissed = changes.ToDictionary(c => c.Field, c => c.Proposed, StringComparer.Ordinal),
        }, cancellationToken: cancellationToken);
        return ReviewOutcome.Ok;
    }

    private async Task<(ReviewItem? Item, IReadOnlyList<ProposedFieldChange> Changes, string? Refusal)> HeldAsync(long itemId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var item = await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(r => r.Id == itemId, cancellationToken);
        var changes = ReviewJson.ProposedChanges(item?.ProposedChangesJson);
        return item switch
        {
            null => (null, [], $"There is no review item {itemId}."),
            { ProposedChangesJson: null } => (item, [], "This review item is a pair of possible duplicates, not a held change: merge it or mark it not a duplicate."),
            _ when changes.Count == 0 => (item, [], "This held change names no field to change."),
            _ when !ReviewPairs.IsUndecided(item.Status) => (item, changes, $"This change was already decided ({item.Status} by {item.DecidedBy ?? "someone"}); reload it."),
            _ => (item, changes, null),
        };
    }

    /// <summary>Settles the item and, in the same transaction, tells the insights a decision was taken (with the steward's time).</summary>
    private async Task SettleAsync(ReviewItem item, ReviewStatus status, DateTime? openedUtc, CancellationToken cancellationToken)
    {
        var (by, now) = (actor.Name, clock.GetUtcNow().UtcDateTime);
        var seconds = HandlingTime.Seconds(openedUtc, now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.ReviewItems.Where(r => r.Id == item.Id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, status).SetProperty(r => r.DecidedBy, by).SetProperty(r => r.DecidedUtc, now)
            .SetProperty(r => r.DeferredUntilUtc, (DateTime?)null).SetProperty(r => r.HandlingSeconds, seconds), cancellationToken);
        db.Raise(new ReviewItemsDecided(item.SystemId, item.ObjectId, 1), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string Now(ConnectorRecord record, ProposedFieldChange change) => ReviewTarget.Value(record, change.Field) ?? "";
}
