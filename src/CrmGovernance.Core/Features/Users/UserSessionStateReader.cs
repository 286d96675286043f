using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Users;

/// <summary>
/// Reads a user's <see cref="UserSessionState"/> in one indexed query, cheap enough to run on every request
/// that carries a sign-in cookie. Does not check roles: it only tells a session whether it still stands.
/// </summary>
public sealed class UserSessionStateReader(IDbContextFactory<CrmDbContext> contexts)
{
    /// <summary>The user's state, or null when the user no longer exists.</summary>
    public async Task<UserSessionState?> ReadAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // Role ids are the role names (CrmDbContext seeds them so), so no join to the roles table is needed.
        return await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new UserSessionState(u.SecurityStamp, u.IsDisabled, db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).ToList()))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
