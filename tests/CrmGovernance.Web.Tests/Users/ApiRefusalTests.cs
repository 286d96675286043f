using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Users.AccessTokens;
using CrmGovernance.Web.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using static CrmGovernance.Web.Tests.Users.ApiPortal;

namespace CrmGovernance.Web.Tests.Users;

public sealed class ApiRefusalTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly PortalHost _host = fixture.Host;

    [Fact]
    public async Task No_token_is_a_401_problem_with_a_bearer_challenge()
    {
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/incidents", null);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "personal access token");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task The_portals_cookie_without_a_token_is_refused_not_redirected()
    {
        var account = DemoAccounts.All[0];
        using var client = await SignIn.AsAsync(_host, account.Email, account.Password);

        using var response = await GetAsync(client, "api/incidents", null);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "cookie");
    }

    [Fact]
    public async Task An_unknown_token_is_refused()
    {
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/incidents", "crmg_00000000_" + new string('A', 43));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "valid personal access token");
    }

    [Fact]
    public async Task A_revoked_token_is_refused()
    {
        var token = await CreateTokenAsync(_host);
        await ChangeTokenAsync(_host, token.Id, t => t.ExecuteUpdateAsync(s => s.SetProperty(x => x.RevokedUtc, DateTime.UtcNow)));
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/incidents", token.Secret);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "revoked");
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var token = await CreateTokenAsync(_host);
        await ChangeTokenAsync(_host, token.Id, t => t.ExecuteUpdateAsync(s => s.SetProperty(x => x.ExpiresUtc, DateTime.UtcNow.AddMinutes(-1))));
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/incidents/1", token.Secret);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "expired");
    }

    [Fact]
    public async Task A_token_without_the_incidents_scope_is_forbidden()
    {
        var token = await CreateTokenAsync(_host);
        await ChangeTokenAsync(_host, token.Id, t => t.ExecuteUpdateAsync(s => s.SetProperty(x => x.Scope, "audit:read")));
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/incidents", token.Secret);

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, AccessTokenScopes.IncidentsRead);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string detailPart)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Contains(detailPart, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
