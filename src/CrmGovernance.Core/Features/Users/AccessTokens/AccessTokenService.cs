using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>
/// The signed-in person's own access tokens for the read API: create (the secret is returned once), list, revoke.
/// Nobody sees another person's tokens; admins may revoke anyone's. Creating needs the capability the scope reads.
/// The entity is audited (hash redacted); a revocation also gets an audit event naming whose token it was.
/// </summary>
public sealed class AccessTokenService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;
    public const int DefaultDays = 90;
    public const int MaxDays = 365;
    /// <summary>Active tokens one person may hold: enough for every script, few enough to review.</summary>
    public const int MaxActivePerUser = 20;

    public async Task<CreateAccessTokenResult> CreateAsync(string name, int? expiresInDays, string scope, CancellationToken cancellationToken = default)
    {
        var userId = EnsureSignedIn();
        scope = (scope ?? "").Trim();
        if (AccessTokenScopes.IsKnown(scope))
        {
            actor.Ensure(AccessTokenScopes.CapabilityOf(scope));
        }
        name = (name ?? "").Trim();
        var days = expiresInDays ?? DefaultDays;
        var errors = new List<string>();
        if (!AccessTokenScopes.IsKnown(scope))
        {
            errors.Add($"Unknown scope '{scope}': use one of {string.Join(", ", AccessTokenScopes.All)}.");
        }
        if (name.Length == 0)
        {
            errors.Add("Give the token a name that says where it is used, e.g. \"Weekly incident report\".");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add($"The name is too long: at most {MaxNameLength} characters.");
        }
        if (days is < 1 or > MaxDays)
        {
            errors.Add($"A token lasts from 1 to {MaxDays} days.");
        }
        if (errors.Count > 0)
        {
            return new CreateAccessTokenResult(new OperationResult(errors), null);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var email = await db.Users.Where(u => u.Id == userId && !u.IsDisabled).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return new CreateAccessTokenResult(OperationResult.Fail("Your account is not enabled: tokens cannot be created for it."), null);
        }
        var tokens = db.Set<AccessToken>().Where(t => t.UserId == userId && t.RevokedUtc == null && t.ExpiresUtc > now);
        if (await tokens.CountAsync(cancellationToken) >= MaxActivePerUser)
        {
            return new CreateAccessTokenResult(OperationResult.Fail($"You have {MaxActivePerUser} active tokens: revoke one you no longer use first."), null);
        }
        if (await tokens.AnyAsync(t => t.Name == name, cancellationToken))
        {
            return new CreateAccessTokenResult(OperationResult.Fail($"You already have an active token named \"{name}\": choose another name."), null);
        }
        var secret = AccessTokenText.Generate();
        var token = new AccessToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            UserEmail = email,
            Name = name,
            Prefix = secret[..AccessTokenText.PrefixLength],
            Hash = AccessTokenText.Hash(secret),
            Scope = scope,
            CreatedUtc = now,
            ExpiresUtc = now.AddDays(days),
        };
        db.Set<AccessToken>().Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new CreateAccessTokenResult(OperationResult.Success,
            new CreatedAccessToken(token.Id, token.Name, token.Prefix, token.Scope, token.ExpiresUtc, secret));
    }

    /// <summary>The caller's own tokens: active first, newest first.</summary>
    public async Task<IReadOnlyList<AccessTokenRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        var userId = EnsureSignedIn();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<AccessToken>().AsNoTracking().Where(t => t.UserId == userId)
            .OrderBy(t => t.RevokedUtc != null || t.ExpiresUtc <= now).ThenByDescending(t => t.CreatedUtc)
            .Select(t => new AccessTokenRow(t.Id, t.Name, t.Prefix, t.Scope, t.CreatedUtc, t.ExpiresUtc, t.RevokedUtc, t.LastUsedUtc, t.ExpiresUtc <= now))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Revokes one of the caller's tokens (an admin: anyone's). Takes effect at the token's next request.</summary>
    public async Task<OperationResult> RevokeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var userId = EnsureSignedIn();
        var admin = actor.IsInRole(Roles.Admin);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var token = await db.Set<AccessToken>().FirstOrDefaultAsync(t => t.Id == id && (admin || t.UserId == userId), cancellationToken);
        if (token is null)
        {
            // Someone else's token reads as missing: its existence is not the caller's business.
            return OperationResult.Fail("That token no longer exists.");
        }
        if (token.RevokedUtc is not null)
        {
            return OperationResult.Success;
        }
        token.RevokedUtc = clock.GetUtcNow().UtcDateTime;
        token.RevokedBy = actor.Name;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.AccessTokenRevoked, "AccessToken", token.Id.ToString(),
            new { owner = token.UserEmail, name = token.Name, prefix = token.Prefix, byOwner = token.UserId == userId }, cancellationToken: cancellationToken);
        return OperationResult.Success;
    }

    private string EnsureSignedIn() =>
        actor.UserId is { } id && !actor.IsSystem ? id : throw new UnauthorizedAccessException("Only signed-in users have access tokens.");
}
