using System.Security.Claims;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Security;

/// <summary>
/// Compares a signed-in principal with the user's current state in the database: the security stamp (renewed by
/// sign-out, a password change, a two-factor change and disabling), the disabled flag and the roles. Used on every
/// cookie request (<see cref="SessionStampValidator"/>) and on every tick of an open circuit
/// (<see cref="RefreshingAuthenticationStateProvider"/>), so a session ends on the server, not only in the browser.
/// </summary>
internal sealed class SessionCheck(UserSessionStateReader reader, IOptions<IdentityOptions> identity)
{
    public async Task<SessionVerdict> CheckAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var claims = identity.Value.ClaimsIdentity;
        if (principal.FindFirstValue(claims.UserIdClaimType) is not { } userId)
        {
            return SessionVerdict.Ended;
        }
        var state = await reader.ReadAsync(userId, cancellationToken);
        if (state is null || state.IsDisabled || state.SecurityStamp != principal.FindFirstValue(claims.SecurityStampClaimType))
        {
            return SessionVerdict.Ended;
        }
        var held = principal.FindAll(claims.RoleClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return held.SetEquals(state.Roles) ? SessionVerdict.Current : SessionVerdict.RolesChanged;
    }
}
