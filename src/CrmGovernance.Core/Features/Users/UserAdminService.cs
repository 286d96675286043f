using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Users;

/// <summary>
/// The admin area's commands: create users, assign and remove roles, disable and enable, reset two-factor.
/// Every method checks that the acting user is an Admin. The last enabled Admin keeps the role and stays enabled.
/// Each command runs Identity in a scope of its own, so it reads fresh data even from a long-lived Blazor circuit.
/// </summary>
public sealed class UserAdminService(IServiceScopeFactory scopes, IDbContextFactory<CrmDbContext> contexts, ActorContext actor, TimeProvider clock)
{
    // Serialises the commands that could remove the last admin, in this process and then in the database (ADR 0019).
    private static readonly SemaphoreSlim AdminGuard = new(1, 1);

    public async Task<PagedResult<UserRow>> ListAsync(string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        EnsureAdmin();
        pageSize = Math.Clamp(pageSize, 1, 200);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var s = search.Trim();
            var normalized = s.ToUpperInvariant();
            #pragma warning disable CA1304, CA1311 // Translated to SQL's upper(), run by the database, not in .NET.
            var upper = db.Database.Dialect().Upper(s);
            query = query.Where(u => u.NormalizedEmail!.Contains(normalized) || EF.Functions.Like(u.DisplayName.ToUpper(), "%" + upper + "%")); // case ignored on PostgreSQL too
            #pragma warning restore CA1304, CA1311
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(u => u.Email).Skip(Math.Max(0, page) * pageSize).Take(pageSize)
            .Select(u => new
            {
                u.Id, u.Email, u.DisplayName, u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd, u.CreatedUtc,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Select(r => r.RoleId).ToList(),
            })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new PagedResult<UserRow>(rows.Select(u => new UserRow(
            u.Id, u.Email ?? "", u.DisplayName, u.Roles.Order().ToList(), u.IsDisabled, u.TwoFactorEnabled,
            u.LockoutEnd > now ? u.LockoutEnd : null, u.CreatedUtc)).ToList(), total);
    }

    public Task<OperationResult> CreateAsync(NewUser input) =>
        RunAsync(users => UserAccountFactory.CreateAsync(users, input, clock.GetUtcNow().UtcDateTime));

    public Task<OperationResult> AddRoleAsync(string userId, string role) => RunAsync(async users =>
    {
        if (!Roles.All.Contains(role))
        {
            return OperationResult.Fail($"Unknown role: {role}.");
        }
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return OperationResult.Fail("That user no longer exists.");
        }
        return await users.IsInRoleAsync(user, role) ? OperationResult.Success : ToResult(await users.AddToRoleAsync(user, role));
    });

    public Task<OperationResult> RemoveRoleAsync(string userId, string role) => RunGuardedAsync(async users =>
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return OperationResult.Fail("That user no longer exists.");
        }
        if (!await users.IsInRoleAsync(user, role))
        {
            return OperationResult.Success;
        }
        if (role == Roles.Admin && !user.IsDisabled && await EnabledAdminCountAsync() <= 1)
        {
            return OperationResult.Fail($"{user.Email} is the last admin: give another user the Admin role before removing it here.");
        }
        // The user's sessions lose the role at their next request, and open pages within Security:SessionCheckSeconds
        // (the Web's SessionCheck compares the roles on every request); they stay signed in with the roles that remain.
        return ToResult(await users.RemoveFromRoleAsync(user, role));
    });

    public Task<OperationResult> SetDisabledAsync(string userId, bool disabled) => RunGuardedAsync(async users =>
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return OperationResult.Fail("That user no longer exists.");
        }
        if (user.IsDisabled == disabled)
        {
            return OperationResult.Success;
        }
        if (disabled && await users.IsInRoleAsync(user, Roles.Admin) && await EnabledAdminCountAsync() <= 1)
        {
            return OperationResult.Fail($"{user.Email} is the last enabled admin and cannot be disabled.");
        }
        user.IsDisabled = disabled;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded && disabled)
        {
            // A new stamp rejects the user's cookies at their next request and ends open pages within seconds.
            result = await users.UpdateSecurityStampAsync(user);
        }
        return ToResult(result);
    });

    public Task<OperationResult> ResetTwoFactorAsync(string userId) => RunAsync(async (users, audit) =>
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return OperationResult.Fail("That user no longer exists.");
        }
        // Both calls renew the security stamp: every session of the user ends at its next request.
        var result = await users.SetTwoFactorEnabledAsync(user, false);
        if (result.Succeeded)
        {
            result = await users.ResetAuthenticatorKeyAsync(user);
        }
        if (result.Succeeded)
        {
            await audit.RecordAsync(AuditActions.TwoFactorReset, "User", user.Id, new { email = user.Email });
        }
        return ToResult(result);
    });

    private Task<OperationResult> RunAsync(Func<UserManager<ApplicationUser>, Task<OperationResult>> command) =>
        RunAsync((users, _) => command(users));

    private async Task<OperationResult> RunAsync(Func<UserManager<ApplicationUser>, IAuditTrail, Task<OperationResult>> command)
    {
        EnsureAdmin();
        await using var scope = scopes.CreateAsyncScope();
        actor.CopyTo(scope.ServiceProvider.GetRequiredService<ActorContext>());
        return await command(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(),
            scope.ServiceProvider.GetRequiredService<IAuditTrail>());
    }

    private async Task<OperationResult> RunGuardedAsync(Func<UserManager<ApplicationUser>, Task<OperationResult>> command)
    {
        EnsureAdmin();
        // Across every portal instance too: two admins disabling each other on two nodes must not both succeed.
        return await DatabaseGate.RunAsync(contexts, AdminGuard, DatabaseLock.LastAdmin, () => RunAsync(command), CancellationToken.None);
    }

    private async Task<int> EnabledAdminCountAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await db.UserRoles.CountAsync(r => r.RoleId == Roles.Admin && db.Users.Any(u => u.Id == r.UserId && !u.IsDisabled));
    }

    private void EnsureAdmin() => actor.Ensure(Capability.ManageUsers);

    private static OperationResult ToResult(IdentityResult result) =>
        result.Succeeded ? OperationResult.Success : new OperationResult(result.Errors.Select(e => e.Description).ToList());
}
