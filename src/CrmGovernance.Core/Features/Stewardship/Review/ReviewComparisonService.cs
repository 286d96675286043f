using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Systems.Connectors;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Review;

/// <summary>
/// Puts a review item's two records side by side with their current values, read from the target system through its
/// connector. When the system cannot be reached or a record is gone, the comparison says so and carries what the
/// portal knows (the score and its explanation), so the decisions that need no target can still be taken.
/// </summary>
public sealed class ReviewComparisonService(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, IConnectorFactory connectors)
{
    public async Task<ReviewComparison?> CompareAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewReviewQueue);
        ReviewItem? item;
        List<RecordMerge> merges;
        List<(string TargetId, Guid SourceSystemId, int Count)> links;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            item = await db.ReviewItems.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
            if (item is null)
            {
                return null;
            }
            merges = await db.RecordMerges.AsNoTracking().Where(m => m.ReviewItemId == id).OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
            var pair = new[] { item.LeftRecordId, item.RightRecordId };
            links = (await db.CrosswalkLinks.AsNoTracking()
                    .Where(l => l.TargetSystemId == item.SystemId && l.ObjectId == item.ObjectId && pair.Contains(l.TargetId))
                    .GroupBy(l => new { l.TargetId, l.SourceSystemId })
                    .Select(g => new { g.Key.TargetId, g.Key.SourceSystemId, Count = g.Count() })
                    .ToListAsync(cancellationToken))
                .Select(l => (l.TargetId, l.SourceSystemId, l.Count)).ToList();
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var (target, problem) = ReviewTarget.For(configuration, item.SystemId, item.ObjectId);
        var comparison = new ReviewComparison
        {
            Item = item,
            SystemName = target?.System.Name ?? "an unknown system",
            ObjectName = target?.BusinessObject.Name ?? "an unknown object",
            FlowName = item.FlowId is { } flowId ? configuration.FindFlow(flowId)?.Name : null,
            Explanations = ReviewJson.Explanations(item.ExplanationJson),
            TargetProblem = problem,
            TargetSystemId = item.SystemId,
            SourceOfTruth = target?.SourceOfTruth,
            Links = links.Select(l => new LinkedSource(l.TargetId, l.SourceSystemId, configuration.FindSystem(l.SourceSystemId)?.Name ?? "an unknown system", l.Count))
                .OrderBy(l => l.SystemName, StringComparer.OrdinalIgnoreCase).ToList(),
            Merges = merges,
            ProposedChanges = ReviewJson.ProposedChanges(item.ProposedChangesJson),
            SourceSystemName = item.IsHeldChange && item.FlowId is { } from && configuration.FindFlow(from) is { } flow
                ? configuration.FindSystem(flow.SourceSystemId)?.Name : null,
        };
        return target is null ? comparison : await WithRecordsAsync(comparison, target, cancellationToken);
    }

    private async Task<ReviewComparison> WithRecordsAsync(ReviewComparison comparison, ReviewTarget target, CancellationToken cancellationToken)
    {
        var item = comparison.Item;
        Dictionary<string, ConnectorRecord> records;
        try
        {
            await using var connector = connectors.Open(target.System);
            // A held change pairs a source record with the existing target record: only the latter is in the target.
            records = await target.ReadAsync(connector, item.IsHeldChange ? [item.RightRecordId] : [item.LeftRecordId, item.RightRecordId], cancellationToken);
        }
        catch (Exception e) when (target.Problem(e) is { } problem)
        {
            return comparison with { TargetProblem = problem };
        }
        var left = records.GetValueOrDefault(item.LeftRecordId);
        var right = records.GetValueOrDefault(item.RightRecordId);
        var missing = (item.IsHeldChange ? new[] { item.RightRecordId } : [item.LeftRecordId, item.RightRecordId]).Where(r => !records.ContainsKey(r)).ToList();
        var kinds = MergeFieldKinds.For(target.Configuration, target.System.Id, target.BusinessObject.Id);
        return comparison with
        {
            Left = left,
            Right = right,
            Fields = target.Fields(left, right).Select(f => new ComparisonField(f.Name, f.Label, ReviewTarget.Value(left, f.Name), ReviewTarget.Value(right, f.Name))
                { Kind = kinds.Of(f.Name) }).ToList(),
            MailboxAndEmployerDiffer = left is not null && right is not null && target.MailboxAndEmployerDiffer(left, right),
            TargetProblem = missing.Count == 0 || !comparison.IsUndecided ? null
                : $"{string.Join(" and ", missing.Select(m => "Record " + m))} {(missing.Count == 1 ? "is" : "are")} no longer in {target.System.Name} " +
                  (item.IsHeldChange ? "(deleted there, or merged into another record): the held change cannot be applied. Dismiss it."
                      : "(deleted there, or merged into another record): this pair cannot be merged. Mark it not a duplicate, or defer it."),
        };
    }
}
