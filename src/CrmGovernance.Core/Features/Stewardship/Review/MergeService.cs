using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// Merges a review pair in the target system through its connector: the survivor takes the chosen values, the other
/// record is deleted, its crosswalk links move to the survivor (keeping the old id), and both records' values before
/// are kept in a <see cref="RecordMerge"/> so <see cref="UnmergeService"/> can undo it exactly.
/// </summary>
public sealed class MergeService(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, TimeProvider clock,
    PublishedConfiguration published, IConnectorFactory connectors, MatchIndexStore index)
{
    /// <summary>One merge, unmerge or held change at a time: two stewards cannot settle one pair twice.</summary>
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Runs a decision that writes records while no other merge, unmerge or held change does, in any process (<see cref="DatabaseLock.Merge"/>).</summary>
    internal static Task<ReviewOutcome> OneAtATimeAsync(IDbContextFactory<CrmDbContext> contexts, Func<Task<ReviewOutcome>> decision,
        CancellationToken cancellationToken) =>
        DatabaseGate.RunAsync(contexts, Gate, DatabaseLock.Merge, decision, cancellationToken);

    public async Task<ReviewOutcome> MergeAsync(MergeRequest request, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.WorkReviewQueue);
        return await OneAtATimeAsync(contexts, () => MergeLockedAsync(request, cancellationToken), cancellationToken);
    }

    private async Task<ReviewOutcome> MergeLockedAsync(MergeRequest request, CancellationToken cancellationToken)
    {
        ReviewItem? item;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            item = await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(r => r.Id == request.ItemId, cancellationToken);
        }
        if (item is null)
        {
            return ReviewOutcome.Fail($"There is no review item {request.ItemId}.");
        }
        if (!ReviewPairs.IsUndecided(item.Status))
        {
            return ReviewOutcome.Fail($"This pair was already decided ({item.Status} by {item.DecidedBy ?? "someone"}); reload it.");
        }
        if (item.IsHeldChange)
        {
            return ReviewOutcome.Fail("This item is a held change, not a pair of duplicates: apply or dismiss the proposed values on its page.");
        }
        var pair = new[] { item.LeftRecordId, item.RightRecordId };
        if (!pair.Contains(request.SurvivorId) || request.TakeFrom.Values.Any(v => !pair.Contains(v)))
        {
            return ReviewOutcome.Fail("The surviving record and every chosen value must come from this pair's two records.");
        }
        var (target, problem) = ReviewTarget.For((await published.CurrentAsync(cancellationToken)).Configuration, item.SystemId, item.ObjectId);
        if (target is null)
        {
            return ReviewOutcome.Fail(problem!);
        }
        var mergedId = request.SurvivorId == item.LeftRecordId ? item.RightRecordId : item.LeftRecordId;
        ConnectorRecord survivor, merged, after;
        Dictionary<string, string?> changes;
        try
        {
            await using var connector = connectors.Open(target.System);
            var records = await target.ReadAsync(connector, pair, cancellationToken);
            if (pair.FirstOrDefault(id => !records.ContainsKey(id)) is { } gone)
            {
                return ReviewOutcome.Fail($"Record {gone} is no longer in {target.System.Name}: nothing was merged.");
            }
            if (Changed(request.LeftSeen, records[item.LeftRecordId]) || Changed(request.RightSeen, records[item.RightRecordId]))
            {
                return ReviewOutcome.Fail($"The records changed in {target.System.Name} since you opened them: reload the pair and choose again.");
            }
            (survivor, merged) = (records[request.SurvivorId], records[mergedId]);
            changes = Changes(request, target, records, item);
            if (changes.Count > 0 && (await connector.WriteBatchAsync(target.BusinessObject.Key, [new RecordWrite(survivor.Id, changes, IsNew: false)],
                    cancellationToken)).FirstOrDefault(r => !r.Succeeded) is { } refused)
            {
                return ReviewOutcome.Fail($"{target.System.Name} refused the survivor's new values, so nothing was merged: {refused.Error}");
            }
            if (await DeleteAsync(connector, target, survivor, merged, changes, cancellationToken) is { } deleteError)
            {
                return ReviewOutcome.Fail(deleteError);
            }
            after = (await target.ReadAsync(connector, [survivor.Id], cancellationToken)).GetValueOrDefault(survivor.Id)
                ?? survivor with { Fields = survivor.Fields.Concat(changes).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Last().Value) };
        }
        catch (Exception e) when (target.Problem(e) is { } message)
        {
            return ReviewOutcome.Fail(message);
        }
        return await RecordAsync(item, target, survivor, merged, after, changes.Keys, request.OpenedUtc, cancellationToken);
    }

    /// <summary>The survivor's fields whose chosen value differs from its own, with that value.</summary>
    private static Dictionary<string, string?> Changes(MergeRequest request, ReviewTarget target, Dictionary<string, ConnectorRecord> records, ReviewItem item)
    {
        var survivor = records[request.SurvivorId];
        var changes = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (field, _) in target.Fields(records[item.LeftRecordId], records[item.RightRecordId]))
        {
            var from = request.TakeFrom.FirstOrDefault(t => string.Equals(t.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? request.SurvivorId;
            var value = ReviewTarget.Value(records[from], field);
            if (!string.Equals(value, ReviewTarget.Value(survivor, field), StringComparison.Ordinal))
            {
                changes[field] = value;
            }
        }
        return changes;
    }

    /// <summary>Deletes the merged record; when that fails, writes the survivor's old values back and says what happened.</summary>
    private static async Task<string?> DeleteAsync(ISyncConnector connector, ReviewTarget target, ConnectorRecord survivor, ConnectorRecord merged,
        Dictionary<string, string?> changes, CancellationToken cancellationToken)
    {
        string error;
        try
        {
            var result = (await connector.DeleteBatchAsync(target.BusinessObject.Key, [merged.Id], cancellationToken)).Single();
            if (result.Succeeded)
            {
                return null;
            }
            error = $"{target.System.Name} refused to delete record {merged.Id}: {result.Error}";
        }
        catch (Exception e) when (target.Problem(e) is { } message)
        {
            error = message;
        }
        if (changes.Count == 0)
        {
            return $"{error} Nothing was merged.";
        }
        var restore = changes.Keys.ToDictionary(f => f, f => ReviewTarget.Value(survivor, f), StringComparer.Ordinal);
        try
        {
            var undo = await connector.WriteBatchAsync(target.BusinessObject.Key, [new RecordWrite(survivor.Id, restore, IsNew: false)], cancellationToken);
            return undo.All(r => r.Succeeded)
                ? $"{error} The survivor's values were put back: nothing was merged."
                : $"{error} Putting the survivor's values back failed too ({undo.First(r => !r.Succeeded).Error}); its values before were: {ReviewJson.Fields(restore)}";
        }
        catch (Exception e) when (target.Problem(e) is { } message)
        {
            return $"{error} Putting the survivor's values back failed too ({message}); its values before were: {ReviewJson.Fields(restore)}";
        }
    }

    private async Task<ReviewOutcome> RecordAsync(ReviewItem item, ReviewTarget target, ConnectorRecord survivor, ConnectorRecord merged,
        ConnectorRecord after, IEnumerable<string> changed, DateTime? openedUtc, CancellationToken cancellationToken)
    {
        var ledger = new MergeLedger(contexts, index);
        var now = clock.GetUtcNow().UtcDateTime;
        var merge = await ledger.MergedAsync(item, HandlingTime.Seconds(openedUtc, now), new RecordMerge
        {
            ReviewItemId = item.Id,
            SystemId = item.SystemId,
            ObjectId = item.ObjectId,
            SurvivorId = survivor.Id,
            MergedId = merged.Id,
            SurvivorBeforeJson = ReviewJson.Fields(survivor.Fields),
            MergedBeforeJson = ReviewJson.Fields(merged.Fields),
            SurvivorAfterJson = ReviewJson.Fields(after.Fields),
            MergedBy = actor.Name,
            MergedUtc = now,
        }, cancellationToken);
        await ledger.IndexAsync(target, merged.Id, [after], cancellationToken);
        await audit.RecordAsync(AuditActions.ReviewMerge, ReviewQueueService.AuditEntityType, item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new
        {
            system = target.System.Key, @object = target.BusinessObject.Key, mergeId = merge.Id, survivor = survivor.Id, merged = merged.Id,
            fieldsTaken = changed.Order(StringComparer.Ordinal).ToList(), movedLinks = ReviewJson.Links(merge.MovedLinksJson).Count,
            before = new { survivor = survivor.Fields, merged = merged.Fields }, after = new { survivor = after.Fields },
        }, cancellationToken: cancellationToken);
        return ReviewOutcome.Done(merge.Id);
    }

    private static bool Changed(IReadOnlyDictionary<string, string?>? seen, ConnectorRecord now) =>
        seen is not null && seen.Any(f => !string.Equals(f.Value ?? "", ReviewTarget.Value(now, f.Key) ?? "", StringComparison.Ordinal));
}
