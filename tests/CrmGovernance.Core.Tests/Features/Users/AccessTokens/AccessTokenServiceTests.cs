using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users.AccessTokens;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Users.AccessTokens;

public sealed class AccessTokenServiceTests
{
    [Fact]
    public async Task Only_the_hash_of_the_secret_is_stored_and_the_secret_is_returned_once()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);

        var created = await CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Weekly report");

        Assert.Matches("^crmg_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$", created.Secret);
        var stored = await StoredAsync(host);
        var token = Assert.Single(stored);
        Assert.Equal(AccessTokenText.Hash(created.Secret), token.Hash);
        Assert.Equal(created.Secret[..13], token.Prefix);
        Assert.Equal("ada@example.com", token.UserEmail);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime.AddDays(AccessTokenService.DefaultDays), token.ExpiresUtc);
        var columns = new[] { token.Name, token.Prefix, token.Hash, token.Scope, token.UserEmail, token.UserId };
        Assert.DoesNotContain(columns, c => c.Contains(created.Secret[14..], StringComparison.Ordinal));
        var rows = await host.AuditRowsAsync();
        Assert.DoesNotContain(rows, r => r.Changes.Contains(created.Secret[14..], StringComparison.Ordinal) || r.Changes.Contains(token.Hash, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issuance_and_revocation_are_audited_with_who_and_whose()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Weekly report");
        await using (var scope = host.Scope(a => a.SetUser("id-grace", "grace@example.com", [Roles.Admin], AuditSources.Ui)))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccessTokenService>().RevokeAsync(created.Id)).Succeeded);
        }

        var rows = (await host.AuditRowsAsync()).Where(r => r.EntityType == "AccessToken" && r.EntityId == created.Id.ToString()).ToList();
        var insert = Assert.Single(rows, r => r.Action == AuditActions.Insert);
        Assert.Equal("ada@example.com", insert.ActorName);
        Assert.Contains("Weekly report", insert.Changes, StringComparison.Ordinal);
        Assert.Single(rows, r => r.Action == AuditActions.Update && r.ActorName == "grace@example.com");
        var revoked = Assert.Single(rows, r => r.Action == AuditActions.AccessTokenRevoked);
        Assert.Equal("grace@example.com", revoked.ActorName);
        Assert.Contains("ada@example.com", revoked.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_cannot_list_or_revoke_another_users_token()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var bob = await host.CreateUserAsync("bob@example.com", Roles.Manager);
        var adas = await CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Ada's script");

        await using var scope = host.Scope(a => a.SetUser(bob, "bob@example.com", [Roles.Manager], AuditSources.Ui));
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokenService>();
        Assert.Empty(await tokens.ListAsync());
        var result = await tokens.RevokeAsync(adas.Id);

        Assert.Equal("That token no longer exists.", Assert.Single(result.Errors));
        Assert.Null(Assert.Single(await StoredAsync(host)).RevokedUtc);
    }

    [Fact]
    public async Task The_owner_lists_and_revokes_their_own_token()
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        var created = await CreateAsync(host, ada, "ada@example.com", [Roles.Steward], "Ada's script");

        await using var scope = host.Scope(a => a.SetUser(ada, "ada@example.com", [Roles.Steward], AuditSources.Ui));
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokenService>();
        Assert.True(Assert.Single(await tokens.ListAsync()).IsActive);
        Assert.True((await tokens.RevokeAsync(created.Id)).Succeeded);

        var row = Assert.Single(await tokens.ListAsync());
        Assert.False(row.IsActive);
        Assert.Equal("ada@example.com", Assert.Single(await StoredAsync(host)).RevokedBy);
    }

    [Theory]
    [InlineData("", 90, AccessTokenScopes.IncidentsRead, "Give the token a name")]
    [InlineData("Script", 0, AccessTokenScopes.IncidentsRead, "from 1 to 365 days")]
    [InlineData("Script", 366, AccessTokenScopes.IncidentsRead, "from 1 to 365 days")]
    [InlineData("Script", 30, "incidents:write", "Unknown scope")]
    public async Task A_token_outside_the_rules_is_refused_with_a_clear_message(string name, int days, string scope, string message)
    {
        await using var host = await CoreTestHost.StartAsync();
        var ada = await host.CreateUserAsync("ada@example.com", Roles.Steward);
        await using var s = host.Scope(a => a.SetUser(ada, "ada@example.com", [Roles.Steward], AuditSources.Ui));

        var result = await s.ServiceProvider.GetRequiredService<AccessTokenService>().CreateAsync(name, days, scope);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Outcome.Errors, e => e.Contains(message, StringComparison.Ordinal));
        Assert.Empty(await StoredAsync(host));
    }

    [Fact]
    public async Task Nobody_signed_in_has_no_tokens_to_manage()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokenService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tokens.ListAsync());
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tokens.CreateAsync("x", 30, AccessTokenScopes.IncidentsRead));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => tokens.RevokeAsync(Guid.NewGuid()));
    }

    internal static async Task<CreatedAccessToken> CreateAsync(CoreTestHost host, string userId, string email, string[] roles, string name, int? days = null)
    {
        await using var scope = host.Scope(a => a.SetUser(userId, email, roles, AuditSources.Ui));
        var result = await scope.ServiceProvider.GetRequiredService<AccessTokenService>().CreateAsync(name, days, AccessTokenScopes.IncidentsRead);
        Assert.True(result.Succeeded, string.Join(" ", result.Outcome.Errors));
        return result.Created!;
    }

    internal static async Task<List<AccessToken>> StoredAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Set<AccessToken>().AsNoTracking().ToListAsync();
    }
}
