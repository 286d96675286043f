using CrmGovernance.Core.Events;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>
/// Issues, revokes and lists the keys systems present to the inbound endpoint. Admins only. Keys are stored as
/// SHA-256 hashes; issuing and revoking are audited (the entity is audited, its hash redacted) and take effect at
/// once in this process.
/// </summary>
public sealed class InboundKeyService(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, InboundKeyCache cache, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    public async Task<PagedResult<InboundKeyRow>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        EnsureAdmin();
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.InboundApiKeys.CountAsync(cancellationToken);
        // Active keys first, newest first.
        var rows = await db.InboundApiKeys.AsNoTracking()
            .OrderBy(k => k.RevokedUtc != null).ThenByDescending(k => k.CreatedUtc)
            .Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(k => new InboundKeyRow(k.Id, k.SystemKey, k.Name, k.Prefix, k.CreatedUtc, k.CreatedBy, k.RevokedUtc))
            .ToListAsync(cancellationToken);
        return new PagedResult<InboundKeyRow>(rows, total);
    }

    /// <summary>The systems of the published configuration a key can be issued for.</summary>
    public async Task<IReadOnlyList<ConnectedSystem>> WebhookSystemsAsync(CancellationToken cancellationToken = default)
    {
        EnsureAdmin();
        var snapshot = await published.CurrentAsync(cancellationToken);
        return WebhookSystems.Of(snapshot.Configuration).OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    public async Task<IssueKeyResult> IssueAsync(string systemKey, string name, CancellationToken cancellationToken = default)
    {
        EnsureAdmin();
        name = (name ?? "").Trim();
        var snapshot = await published.CurrentAsync(cancellationToken);
        var system = WebhookSystems.Find(snapshot.Configuration, systemKey ?? "");
        var errors = new List<string>();
        if (system is null)
        {
            errors.Add($"'{systemKey}' is not a webhook system of the published configuration: pick one of the list.");
        }
        if (name.Length == 0)
        {
            errors.Add("Give the key a name that says who uses it, e.g. \"Contact form on www\".");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add($"The name is too long: at most {MaxNameLength} characters.");
        }
        if (errors.Count > 0)
        {
            return new IssueKeyResult(new OperationResult(errors), null);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.InboundApiKeys.AnyAsync(k => k.SystemKey == system!.Key && k.Name == name && k.RevokedUtc == null, cancellationToken))
        {
            return new IssueKeyResult(OperationResult.Fail($"{system!.Name} already has an active key named \"{name}\": choose another name, or revoke that key first."), null);
        }
        var key = InboundKeyText.Generate();
        // A key chosen here, not by the database, so the audit row of the insert names the real id.
        var entity = new InboundApiKey
        {
            Id = Guid.CreateVersion7(),
            SystemKey = system!.Key,
            Name = name,
            Prefix = InboundKeyText.PrefixOf(key),
            Hash = InboundKeyText.Hash(key),
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
            CreatedBy = actor.Name,
        };
        db.InboundApiKeys.Add(entity);
        db.Raise(new InboundKeysChanged(entity.SystemKey), entity.CreatedUtc);
        await db.SaveChangesAsync(cancellationToken);
        await cache.ReloadAsync(cancellationToken);
        return new IssueKeyResult(OperationResult.Success, new IssuedInboundKey(entity.Id, entity.SystemKey, entity.Name, entity.Prefix, key));
    }

    public async Task<OperationResult> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        EnsureAdmin();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = await db.InboundApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return OperationResult.Fail("That key no longer exists.");
        }
        if (key.RevokedUtc is null)
        {
            // Tracked and saved, so the audit trail records who revoked it and when.
            key.RevokedUtc = clock.GetUtcNow().UtcDateTime;
            db.Raise(new InboundKeysChanged(key.SystemKey), key.RevokedUtc.Value);
            await db.SaveChangesAsync(cancellationToken);
        }
        await cache.ReloadAsync(cancellationToken);
        return OperationResult.Success;
    }

    private void EnsureAdmin() => actor.Ensure(Capability.ManageInboundKeys);
}
