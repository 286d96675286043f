using System.Collections.Concurrent;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// This process's in-memory <see cref="MatchIndex"/> per system and object, built from the stored
/// <see cref="MatchIndexEntry"/> rows and brought up to date from their update times each time it is opened, so the
/// portal and a <c>crmgov</c> run see each other's writes. A changed match rule rebuilds the index from the stored
/// values. Singleton; an opened index is held exclusively (a <see cref="MatchIndex"/> is not thread-safe).
/// </summary>
public sealed class MatchIndexCache(IServiceScopeFactory scopes)
{
    private readonly ConcurrentDictionary<(Guid SystemId, Guid ObjectId), CachedMatchIndex> _indexes = new();

    /// <summary>The index of a system's object under this rule, current with the store; dispose the lease to let others use it.</summary>
    public async Task<MatchIndexLease> OpenAsync(Guid systemId, Guid objectId, MatchModel model, CancellationToken cancellationToken)
    {
        var cached = _indexes.GetOrAdd((systemId, objectId), key => new CachedMatchIndex(key.SystemId, key.ObjectId));
        await cached.Gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var index = await cached.RefreshAsync(scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>(), model, cancellationToken);
            return new MatchIndexLease(index, cached.Gate);
        }
        catch
        {
            cached.Gate.Release();
            throw;
        }
    }
}
