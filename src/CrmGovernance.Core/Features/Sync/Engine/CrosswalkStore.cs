using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>Reads the crosswalk for a batch: which target record each source record created or was linked to before.</summary>
public sealed class CrosswalkStore(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>Source id → the linked target id, and whether the match rule made that link.</summary>
    public async Task<Dictionary<string, (string TargetId, bool ByMatchRule)>> TargetIdsAsync(FlowPlan plan, IReadOnlyCollection<string> sourceIds,
        CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, (string, bool)>(sourceIds.Count, StringComparer.Ordinal);
        if (sourceIds.Count == 0)
        {
            return result;
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var chunk in sourceIds.Chunk(500))
        {
            var links = await db.CrosswalkLinks.AsNoTracking()
                .Where(l => l.SourceSystemId == plan.Source.Id && l.ObjectId == plan.BusinessObject.Id && l.TargetSystemId == plan.Target.Id && chunk.Contains(l.SourceId))
                .Select(l => new { l.SourceId, l.TargetId, l.ByMatchRule }).ToListAsync(cancellationToken);
            foreach (var link in links)
            {
                result[link.SourceId] = (link.TargetId, link.ByMatchRule);
            }
        }
        return result;
    }
}
