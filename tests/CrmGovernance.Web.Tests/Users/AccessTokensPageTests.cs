using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Tests.Hosting;
using static CrmGovernance.Web.Tests.Users.ApiPortal;

namespace CrmGovernance.Web.Tests.Users;

public sealed class AccessTokensPageTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly PortalHost _host = fixture.Host;

    [Fact]
    public async Task The_page_lists_the_users_own_tokens_by_prefix_never_the_secret_nor_anyone_elses()
    {
        var mine = await CreateTokenAsync(_host, Roles.Steward, "Steward script");
        var theirs = await CreateTokenAsync(_host, Roles.Auditor, "Auditor script");
        var steward = DemoAccounts.All.First(a => a.Role == Roles.Steward);
        using var client = await SignIn.AsAsync(_host, steward.Email, steward.Password);

        using var response = await client.GetAsync("profile/access-tokens");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(mine.Name, html, StringComparison.Ordinal);
        Assert.Contains(mine.Prefix, html, StringComparison.Ordinal);
        Assert.DoesNotContain(mine.Secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs.Name, html, StringComparison.Ordinal);
        Assert.Contains("api/reference/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_bar_links_to_the_access_tokens_page()
    {
        var manager = DemoAccounts.All.First(a => a.Role == Roles.Manager);
        using var client = await SignIn.AsAsync(_host, manager.Email, manager.Password);

        var html = await client.GetStringAsync("");

        Assert.Contains("id=\"access-tokens-link\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"profile/access-tokens\"", html, StringComparison.Ordinal);
    }
}
