using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Features.Users.AccessTokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Users.AccessTokens;

public sealed class AccessTokenValidatorTests
{
    [Fact]
    public async Task A_valid_token_stands_for_its_owner_with_their_roles_and_scope()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await AccessTokenServiceTests.CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Script");

        var result = await ValidateAsync(host, created.Secret);

        Assert.True(result.IsValid, result.Message);
        Assert.Equal(ada, result.UserId);
        Assert.Equal("ada@example.com", result.Email);
        Assert.Equal([Roles.Steward], result.Roles);
        Assert.Equal([AccessTokenScopes.IncidentsRead], result.Scopes);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer nonsense")]
    [InlineData("crmg_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task An_unknown_or_malformed_token_is_refused(string? secret)
    {
        await using var host = await CoreTestHost.StartAsync();

        var result = await ValidateAsync(host, secret);

        Assert.Equal(AccessTokenRefusal.Unknown, result.Refusal);
    }

    [Fact]
    public async Task A_token_differing_only_after_its_prefix_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await AccessTokenServiceTests.CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Script");
        var forged = created.Secret[..^1] + (created.Secret[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(AccessTokenRefusal.Unknown, (await ValidateAsync(host, forged)).Refusal);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await AccessTokenServiceTests.CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Script", days: 1);
                Assert.True((await ValidateAsync(host, created.Secret)).IsValid);

        host.Clock.Advance(TimeSpan.FromDays(1));

        Assert.Equal(AccessTokenRefusal.Expired, (await ValidateAsync(host, created.Secret)).Refusal);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_at_its_next_use()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await AccessTokenServiceTests.CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Script");
        await using (var scope = host.Scope(a => a.SetUser(ada, "ada@example.com", [Roles.Steward], AuditSources.Ui)))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccessTokenService>().RevokeAsync(created.Id)).Succeeded);
        }

        Assert.Equal(AccessTokenRefusal.Revoked, (await ValidateAsync(host, created.Secret)).Refusal);
    }

    [Fact]
    public async Task A_token_whose_owner_lost_the_roles_for_its_scope_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await AccessTokenServiceTests.CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Script");
        await WithUserAsync(host, ada, (users, user) => users.RemoveFromRoleAsync(user, Roles.Steward));

        Assert.Equal(AccessTokenRefusal.RolesLost, (await ValidateAsync(host, created.Secret)).Refusal);
    }

    [Fact]
    public async Task A_token_whose_owner_is_disabled_is_refused()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await AccessTokenServiceTests.CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Script");
        await WithUserAsync(host, ada, (users, user) =>
        {
            user.IsDisabled = true;
            return users.UpdateAsync(user);
        });

        Assert.Equal(AccessTokenRefusal.UserDisabled, (await ValidateAsync(host, created.Secret)).Refusal);
    }

    [Fact]
    public async Task Last_use_is_written_at_most_once_a_minute()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await AccessTokenServiceTests.CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Script");
                var first = host.Clock.GetUtcNow().UtcDateTime;

        await ValidateAsync(host, created.Secret);
        host.Clock.Advance(TimeSpan.FromSeconds(30));
        await ValidateAsync(host, created.Secret);
        Assert.Equal(first, Assert.Single(await AccessTokenServiceTests.StoredAsync(host)).LastUsedUtc);

        host.Clock.Advance(TimeSpan.FromSeconds(31));
        await ValidateAsync(host, created.Secret);
        Assert.Equal(first.AddSeconds(61), Assert.Single(await AccessTokenServiceTests.StoredAsync(host)).LastUsedUtc);
    }

    private static async Task<AccessTokenValidation> ValidateAsync(CoreTestHost host, string? secret)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AccessTokenValidator>().ValidateAsync(secret);
    }

    private static async Task WithUserAsync(CoreTestHost host, string id, Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change)
    {
        await using var scope = host.Scope(a => a.SetSystem("test", null));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var result = await change(users, (await users.FindByIdAsync(id))!);
        Assert.True(result.Succeeded);
    }
}
