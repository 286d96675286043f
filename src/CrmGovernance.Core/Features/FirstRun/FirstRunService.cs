using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>The one-time setup page: creates the first Admin, and only while no user exists.</summary>
public sealed class FirstRunService(UserManager<ApplicationUser> users, IDbContextFactory<CrmDbContext> contexts, TimeProvider clock)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return !await db.Users.AnyAsync(cancellationToken);
    }

    public async Task<OperationResult> CreateFirstAdminAsync(NewUser input)
    {
        await Gate.WaitAsync();
        try
        {
            if (!await IsOpenAsync())
            {
                return OperationResult.Fail("Setup is closed: an account already exists. Sign in instead.");
            }
            input.Roles = [Roles.Admin];
            return await UserAccountFactory.CreateAsync(users, input, clock.GetUtcNow().UtcDateTime);
        }
        finally
        {
            Gate.Release();
        }
    }
}
