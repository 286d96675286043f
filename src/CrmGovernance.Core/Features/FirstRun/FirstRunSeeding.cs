using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>At start, once the schema is migrated: seeds the demo users or the first Admin, and their configuration.</summary>
internal sealed class FirstRunSeeding(
    UserManager<ApplicationUser> users, ConfigurationSeeder seeder, History.DemoHistory history, IOptions<DemoOptions> demo, IOptions<BootstrapOptions> bootstrap,
    TimeProvider clock, ILogger<FirstRunSeeding> logger) : IStartupStep
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (demo.Value.Enabled)
        {
            // Anyone who reads the sign-in page can sign in as Admin: say so where operators look.
            logger.LogWarning("Demo mode is on (Demo:Enabled): the demo accounts, Admin included, sign in with the passwords shown on the sign-in page. Never use this portal for real data; set Demo:Enabled to false.");
            await SeedDemoAsync(users);
            var owner = DemoAccounts.All.First(a => a.Role == Roles.BusinessOwner).Email;
            var steward = DemoAccounts.All.First(a => a.Role == Roles.Steward).Email;
            // The demo's flows come with the scenario library, so a change to them is tried against the messy cases.
            var configuration = DemoConfiguration.WithScenarioLibrary(DemoConfiguration.Build(owner, steward));
            if (demo.Value.IsLive)
            {
                // The live demo's outages should be seen to open, escalate and recover within minutes.
                configuration = DemoConfiguration.WithLiveIncidentPolicy(configuration, DemoAccounts.All.First(a => a.Role == Roles.Manager).Email);
            }
            if (demo.Value.History)
            {
                // The first start publishes the configuration with a past (two versions, ten weeks of runs), so the insights
                // dashboard has something to show; the seeder below then finds a version and does nothing.
                await history.SeedIfEmptyAsync(configuration, cancellationToken);
            }
            await seeder.SeedIfEmptyAsync(configuration, cancellationToken);
        }
        else if (!users.Users.Any() && await SeedFirstAdminAsync(users) is { } admin)
        {
            await seeder.SeedIfEmptyAsync(ConfigurationSeeder.StandardObjectsOwnedBy(admin), cancellationToken);
        }
    }

    private async Task SeedDemoAsync(UserManager<ApplicationUser> users)
    {
        foreach (var account in DemoAccounts.All)
        {
            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                continue;
            }
            var result = await UserAccountFactory.CreateAsync(users, new NewUser
            {
                Email = account.Email, DisplayName = account.DisplayName, Password = account.Password, Roles = [account.Role],
            }, clock.GetUtcNow().UtcDateTime);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not seed demo user {account.Email}: {string.Join(" ", result.Errors)}");
            }
            logger.LogInformation("Seeded demo user {Email} ({Role})", account.Email, account.Role);
        }
    }

    /// <returns>The new admin's email, or null when configuration names none.</returns>
    private async Task<string?> SeedFirstAdminAsync(UserManager<ApplicationUser> users)
    {
        var email = bootstrap.Value.AdminEmail;
        var password = Environment.GetEnvironmentVariable(bootstrap.Value.AdminPasswordVariable);
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("No user exists yet. Open /setup to create the first admin, or set Bootstrap:AdminEmail and the {Variable} environment variable.",
                bootstrap.Value.AdminPasswordVariable);
            return null;
        }
        var result = await UserAccountFactory.CreateAsync(users, new NewUser
        {
            Email = email, DisplayName = "Administrator", Password = password, Roles = [Roles.Admin, Roles.BusinessOwner],
        }, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the first admin {email}: {string.Join(" ", result.Errors)}");
        }
        logger.LogInformation("Created the first admin {Email} from configuration", email);
        return email;
    }
}
