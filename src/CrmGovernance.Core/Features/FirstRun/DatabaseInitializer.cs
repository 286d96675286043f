using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>At start: applies migrations, switches the file to WAL, and seeds the demo users or the first Admin.</summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes, IOptions<DemoOptions> demo, IOptions<BootstrapOptions> bootstrap,
    TimeProvider clock, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("startup", Guid.NewGuid().ToString("N"));
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var session = db.Database.Dialect().Session;
            session.BeforeMigrate(db.Database);
            await db.Database.MigrateAsync(cancellationToken);
            await session.AfterMigrateAsync(db.Database, cancellationToken);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var seeder = scope.ServiceProvider.GetRequiredService<ConfigurationSeeder>();
        if (demo.Value.Enabled)
        {
            // Anyone who reads the sign-in page can sign in as Admin: say so where operators look.
            logger.LogWarning("Demo mode is on (Demo:Enabled): the demo accounts, Admin included, sign in with the passwords shown on the sign-in page. Never use this portal for real data; set Demo:Enabled to false.");
            await SeedDemoAsync(users);
            var owner = DemoAccounts.All.First(a => a.Role == Roles.BusinessOwner).Email;
            var steward = DemoAccounts.All.First(a => a.Role == Roles.Steward).Email;
            await seeder.SeedIfEmptyAsync(DemoConfiguration.Build(owner, steward), cancellationToken);
        }
        else if (!users.Users.Any() && await SeedFirstAdminAsync(users) is { } admin)
        {
            await seeder.SeedIfEmptyAsync(ConfigurationSeeder.StandardObjectsOwnedBy(admin), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
