using System.Collections.Frozen;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// The hashes of the active inbound keys, in memory, so the endpoint never queries the database to authenticate.
/// <see cref="InboundKeyService"/> reloads it after issuing or revoking (effective at once in this process); it also
/// re-reads the table every <see cref="InboundOptions.KeyRefreshSeconds"/>, in the background, for changes made by
/// another process. Singleton.
/// </summary>
public sealed class InboundKeyCache(DbContextOptions<CrmDbContext> options, IOptions<InboundOptions> settings, TimeProvider clock, ILogger<InboundKeyCache> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(settings.Value.KeyRefreshSeconds);
    private Snapshot? _snapshot;
    private int _refreshing;

    /// <summary>True once the keys were read; before that, <see cref="TryFind"/> knows nothing.</summary>
    public bool IsLoaded => Volatile.Read(ref _snapshot) is not null;

    /// <summary>The active key with this hash, from memory only (null also when nothing is loaded yet).</summary>
    public ActiveInboundKey? TryFind(string hash)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null)
        {
            return null;
        }
        RefreshIfStale(snapshot);
        return snapshot.ByHash.GetValueOrDefault(hash);
    }

    /// <summary>The active key with this hash; reads the keys first if they were never read.</summary>
    public async ValueTask<ActiveInboundKey?> FindAsync(string hash, CancellationToken cancellationToken = default)
    {
        var snapshot = Volatile.Read(ref _snapshot) ?? await LoadAsync(force: false, cancellationToken);
        RefreshIfStale(snapshot);
        return snapshot.ByHash.GetValueOrDefault(hash);
    }

    /// <summary>Re-reads the keys now; call after a change has been committed.</summary>
    public Task ReloadAsync(CancellationToken cancellationToken = default) => LoadAsync(force: true, cancellationToken);

    private void RefreshIfStale(Snapshot snapshot)
    {
        if (clock.GetUtcNow() - snapshot.LoadedUtc < _refresh || Interlocked.CompareExchange(ref _refreshing, 1, 0) != 0)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await LoadAsync(force: true, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // The keys in memory stay in force; the next request past the interval tries again.
                logger.LogWarning(ex, "Could not refresh the inbound API keys");
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    // Loads are serialised: the one that starts last (after a commit) is also the one that stores its snapshot last.
    private async Task<Snapshot> LoadAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!force && Volatile.Read(ref _snapshot) is { } loaded)
            {
                // The first requests after start wait for one read, not one read each.
                return loaded;
            }
            await using var db = new CrmDbContext(options);
            var keys = await db.InboundApiKeys.AsNoTracking().Where(k => k.RevokedUtc == null)
                .Select(k => new { k.Hash, Key = new ActiveInboundKey(k.Id, k.SystemKey, k.Prefix) })
                .ToListAsync(cancellationToken);
            var snapshot = new Snapshot(keys.ToFrozenDictionary(k => k.Hash, k => k.Key, StringComparer.Ordinal), clock.GetUtcNow());
            Volatile.Write(ref _snapshot, snapshot);
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Snapshot(FrozenDictionary<string, ActiveInboundKey> ByHash, DateTimeOffset LoadedUtc);
}
