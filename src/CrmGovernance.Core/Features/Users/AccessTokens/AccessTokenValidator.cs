using System.Security.Cryptography;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>
/// Checks a presented token for the API's authentication: well formed, known (the hash compared in constant time),
/// not revoked, not expired, its owner enabled and still holding the roles its scope needs. Reads the owner's roles
/// afresh on every call, so a role removed or a user disabled applies to the very next request.
/// </summary>
public sealed class AccessTokenValidator(IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    /// <summary>Last use is written at most this often: a busy script must not turn every read into a write.</summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public async Task<AccessTokenValidation> ValidateAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (!AccessTokenText.TryPrefixOf(secret, out var prefix))
        {
            return AccessTokenValidation.Refused(AccessTokenRefusal.Unknown);
        }
        var presented = AccessTokenText.HashBytes(secret!);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Found by its clear prefix, then compared in constant time: the lookup never branches on the secret's bytes.
        var candidates = await db.Set<AccessToken>().AsNoTracking().Where(t => t.Prefix == prefix).ToListAsync(cancellationToken);
        var token = candidates.FirstOrDefault(t => t.Hash.Length == 64 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(t.Hash), presented));
        if (token is null)
        {
            return AccessTokenValidation.Refused(AccessTokenRefusal.Unknown);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.RevokedUtc is not null)
        {
            return AccessTokenValidation.Refused(AccessTokenRefusal.Revoked);
        }
        if (token.ExpiresUtc <= now)
        {
            return AccessTokenValidation.Refused(AccessTokenRefusal.Expired);
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == token.UserId)
            .Select(u => new { u.Email, u.IsDisabled }).FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return AccessTokenValidation.Refused(AccessTokenRefusal.UserDisabled);
        }
        var roles = await db.UserRoles.Where(r => r.UserId == token.UserId).Select(r => r.RoleId).ToListAsync(cancellationToken);
        // A scope this version does not know passes through: the endpoint that needs another scope refuses it (403).
        var scopes = AccessTokenScopes.Split(token.Scope).Where(s => !AccessTokenScopes.IsKnown(s) || AccessTokenScopes.HeldBy(s, roles)).ToList();
        if (scopes.Count == 0)
        {
            return AccessTokenValidation.Refused(AccessTokenRefusal.RolesLost);
        }
        await TouchAsync(db, token, now, cancellationToken);
        return new AccessTokenValidation(AccessTokenRefusal.None, token.Id, token.UserId, user.Email ?? token.UserEmail, roles, scopes);
    }

    private static async Task TouchAsync(CrmDbContext db, AccessToken token, DateTime now, CancellationToken cancellationToken)
    {
        var stale = now - LastUsedResolution;
        if (token.LastUsedUtc is { } last && last > stale)
        {
            return;
        }
        // Set-based and conditional: concurrent requests write once; not audited (use, not a change).
        await db.Set<AccessToken>()
            .Where(t => t.Id == token.Id && (t.LastUsedUtc == null || t.LastUsedUtc <= stale))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedUtc, now), cancellationToken);
    }
}
