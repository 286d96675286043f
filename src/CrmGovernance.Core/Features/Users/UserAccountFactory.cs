using CrmGovernance.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace CrmGovernance.Core.Features.Users;

/// <summary>Creates a user with roles through Identity; shared by the admin area, the first-run setup and the seed.</summary>
internal static class UserAccountFactory
{
    public static async Task<OperationResult> CreateAsync(UserManager<ApplicationUser> users, NewUser input, DateTime nowUtc)
    {
        var unknown = input.Roles.Except(Roles.All).ToList();
        if (unknown.Count > 0)
        {
            return OperationResult.Fail($"Unknown role: {string.Join(", ", unknown)}.");
        }

        var email = input.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return OperationResult.Fail($"A user with the email {email} already exists.");
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            CreatedUtc = nowUtc,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return new OperationResult(created.Errors.Select(e => e.Description).ToList());
        }
        if (input.Roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, input.Roles);
            if (!added.Succeeded)
            {
                return new OperationResult(added.Errors.Select(e => e.Description).ToList());
            }
        }
        return OperationResult.Success;
    }
}
