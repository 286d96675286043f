using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>Which target record each source record of a batch created or was linked to before: the stored crosswalk, or a sandbox's.</summary>
public interface ICrosswalkLookup
{
    /// <summary>Source id → the linked target id, and whether the match rule made that link.</summary>
    Task<Dictionary<string, (string TargetId, bool ByMatchRule)>> TargetIdsAsync(FlowPlan plan, IReadOnlyCollection<string> sourceIds, CancellationToken cancellationToken);
}

/// <summary>Reads the crosswalk for a batch: which target record each source record created or was linked to before.</summary>
public sealed class CrosswalkStore(IDbContextFactory<CrmDbContext> contexts) : ICrosswalkLookup
{
    private const int ChunkSize = 500;

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
        var dialect = db.Database.Dialect();
        if (dialect.SyncBatch.FindLinks is { } findLinks)
        {
            await ByStatementAsync(db, dialect, findLinks, plan, sourceIds, result, cancellationToken);
            return result;
        }
        foreach (var chunk in sourceIds.Chunk(ChunkSize))
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

    /// <summary>The dialect's lookup (PostgreSQL: an index probe per id, see its statement for why not LINQ's <c>ANY</c>).</summary>
    private static async Task ByStatementAsync(CrmDbContext db, IPortalSqlDialect dialect, SqlStatement findLinks, FlowPlan plan,
        IReadOnlyCollection<string> sourceIds, Dictionary<string, (string, bool)> result, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = PortalCommand.Create(dialect, db.Database.GetDbConnection(), null, findLinks);
        foreach (var chunk in sourceIds.Chunk(ChunkSize))
        {
            await using var reader = await command.ReaderAsync(ct, plan.Source.Id, plan.BusinessObject.Id, plan.Target.Id, chunk);
            while (await reader.ReadAsync(ct))
            {
                result[reader.GetString(0)] = (reader.GetString(1), reader.GetBoolean(2));
            }
        }
    }
}
