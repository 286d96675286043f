using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Notifications;

/// <summary>Who "the admins" are when an event asks for them: users holding the Admin role who are not disabled.</summary>
internal static class AdminEmails
{
    public static async Task<List<string>> ActiveAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        // A role's id is its name (Roles).
        var emails = await (from user in db.Users
                            join role in db.UserRoles on user.Id equals role.UserId
                            where role.RoleId == Roles.Admin && !user.IsDisabled && user.Email != null
                            select user.Email).ToListAsync(cancellationToken);
        return [.. emails.Select(e => e!.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];
    }
}
