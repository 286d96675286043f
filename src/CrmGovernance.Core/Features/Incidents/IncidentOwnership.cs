using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>Whether a named person can answer for an incident: an active user holding a role that may work incidents.</summary>
public static class IncidentOwnership
{
    private static readonly IReadOnlyList<string> ActingRoles =
        [.. CapabilityTable.Of(Capability.WorkIncidents).AnyRoles];

    public static async Task<bool> CanActAsync(CrmDbContext db, string email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return false;
        }
        var normalized = email.Trim().ToUpperInvariant();
        var user = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == normalized && !u.IsDisabled)
            .Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        return user is not null && await db.UserRoles.AnyAsync(r => r.UserId == user && ActingRoles.Contains(r.RoleId), cancellationToken);
    }
}
