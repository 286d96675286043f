using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>The one-time setup page: creates the first Admin, and only while no user exists.</summary>
public sealed class FirstRunService(
    UserManager<ApplicationUser> users, IDbContextFactory<CrmDbContext> contexts, ConfigurationSeeder seeder, ActorContext actor, TimeProvider clock)
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<bool> IsOpenAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return !await db.Users.AnyAsync(cancellationToken);
    }

    /// <summary>Once, whichever portal instance the first person reaches (<see cref="DatabaseLock.FirstRun"/>).</summary>
    public Task<OperationResult> CreateFirstAdminAsync(NewUser input) =>
        DatabaseGate.RunAsync(contexts, Gate, DatabaseLock.FirstRun, () => CreateAsync(input), CancellationToken.None);

    private async Task<OperationResult> CreateAsync(NewUser input)
    {
        if (!await IsOpenAsync())
        {
            return OperationResult.Fail("Setup is closed: an account already exists. Sign in instead.");
        }
        // Nobody is signed in yet: the setup acts as the system, and the audit trail says so.
        actor.SetSystem("first-run-setup", actor.CorrelationId);
        input.Roles = [Roles.Admin, Roles.BusinessOwner];
        var result = await UserAccountFactory.CreateAsync(users, input, clock.GetUtcNow().UtcDateTime);
        if (result.Succeeded)
        {
            await seeder.SeedIfEmptyAsync(ConfigurationSeeder.StandardObjectsOwnedBy(input.Email.Trim()));
        }
        return result;
    }
}
