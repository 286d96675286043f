using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// The current published configuration for the worker and the pages: read once, cached, and replaced when a change
/// request is approved. Any earlier version can be read too. Singleton.
/// </summary>
public sealed class PublishedConfiguration(IServiceScopeFactory scopes)
{
    private PublishedSnapshot? _current;

    /// <summary>Raised after a new version is published (the worker reschedules its flows).</summary>
    public event Action<PublishedSnapshot>? Published;

    public async Task<PublishedSnapshot> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _current) is { } cached)
        {
            return cached;
        }
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var latest = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        var snapshot = latest is null ? PublishedSnapshot.None : ToSnapshot(latest);
        // A publish may have landed while this read ran: never replace a newer version with an older one.
        return Interlocked.CompareExchange(ref _current, snapshot, null) ?? snapshot;
    }

    public async Task<PublishedSnapshot?> VersionAsync(int number, CancellationToken cancellationToken = default)
    {
        if (number == 0)
        {
            return PublishedSnapshot.None;
        }
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var version = await db.ConfigurationVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, cancellationToken);
        return version is null ? null : ToSnapshot(version);
    }

    /// <summary>Another node published <paramref name="number"/>: replaces the cache unless it already holds that version or a later one.</summary>
    internal async Task FollowAsync(int number, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _current) is { } cached && cached.Version >= number)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var latest = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && (Volatile.Read(ref _current)?.Version ?? 0) < latest.Number)
        {
            Publish(latest);
        }
    }

    internal void Publish(ConfigurationVersion version)
    {
        var snapshot = ToSnapshot(version);
        Volatile.Write(ref _current, snapshot);
        Published?.Invoke(snapshot);
    }

    internal static PublishedSnapshot ToSnapshot(ConfigurationVersion v) =>
        new(v.Number, v.Hash, v.PublishedUtc, ConfigurationJson.Deserialize(v.SnapshotJson));
}
