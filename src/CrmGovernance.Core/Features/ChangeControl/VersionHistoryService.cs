using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>Version history, the field-level diff between any two versions, and rollback as a new change request.</summary>
public sealed class VersionHistoryService(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, ChangeRequestService requests)
{
    public async Task<PagedResult<ConfigurationVersionSummary>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.ConfigurationVersions.CountAsync(cancellationToken);
        var rows = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(v => v.Number)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(v => new ConfigurationVersionSummary(v.Number, v.PublishedUtc, v.PublishedByName, v.Hash, v.ChangeRequestId,
                db.ChangeRequests.Where(r => r.Id == v.ChangeRequestId).Select(r => (int?)r.Number).FirstOrDefault(),
                db.ChangeRequests.Where(r => r.Id == v.ChangeRequestId).Select(r => r.Title).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new PagedResult<ConfigurationVersionSummary>(rows, total);
    }

    public async Task<IReadOnlyList<ItemDiff>> DiffAsync(int from, int to, CancellationToken cancellationToken = default)
    {
        EnsureMayRead();
        var a = await published.VersionAsync(from, cancellationToken) ?? throw new KeyNotFoundException($"Version {from} does not exist.");
        var b = await published.VersionAsync(to, cancellationToken) ?? throw new KeyNotFoundException($"Version {to} does not exist.");
        return DiffLabels.Apply(ConfigurationDiff.Between(a.Configuration, b.Configuration), a.Configuration, b.Configuration);
    }

    /// <summary>A draft change request whose items turn the current version back into version <paramref name="number"/>.</summary>
    public async Task<Guid> CreateRollbackAsync(int number, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        var target = await published.VersionAsync(number, cancellationToken) ?? throw new KeyNotFoundException($"Version {number} does not exist.");
        var current = await published.CurrentAsync(cancellationToken);
        var id = await requests.CreateDraftAsync($"Restore version {number}", $"Rollback from version {current.Version} to version {number}.", number, cancellationToken);
        var filled = await requests.FillDraftAsync(id, ChangeSet.Between(current.Configuration, target.Configuration), cancellationToken: cancellationToken);
        return filled.Succeeded ? id : throw new InvalidOperationException(string.Join(" ", filled.Errors));
    }

    private void EnsureMayRead() => actor.Ensure(Capability.ReadConfiguration);
}
