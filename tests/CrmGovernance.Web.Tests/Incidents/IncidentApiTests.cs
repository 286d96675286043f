using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Web.Tests.Users;
using Microsoft.EntityFrameworkCore;
using static CrmGovernance.Web.Tests.Users.ApiPortal;

namespace CrmGovernance.Web.Tests.Incidents;

public sealed class IncidentApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly Hosting.PortalHost _host = fixture.Host;

    [Fact]
    public async Task A_valid_token_lists_incidents_with_enums_as_names()
    {
        var marker = "api-list-" + Guid.NewGuid().ToString("N")[..8];
        var id = await SeedIncidentAsync(_host, "Orders stuck " + marker, IncidentSeverity.Critical);
        var token = await CreateTokenAsync(_host);
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/incidents?q=" + marker, token.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("total").GetInt32());
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        var item = Assert.Single(body.GetProperty("items").EnumerateArray());
        Assert.Equal(id, item.GetProperty("id").GetInt64());
        Assert.Equal("Critical", item.GetProperty("severity").GetString());
        Assert.Equal("Open", item.GetProperty("state").GetString());
        Assert.Equal("Reported", item.GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Filters_and_paging_narrow_the_list()
    {
        var marker = "api-page-" + Guid.NewGuid().ToString("N")[..8];
        var low = await SeedIncidentAsync(_host, "First " + marker, IncidentSeverity.Low);
        await SeedIncidentAsync(_host, "Second " + marker, IncidentSeverity.High);
        var newest = await SeedIncidentAsync(_host, "Third " + marker, IncidentSeverity.High);
        var token = await CreateTokenAsync(_host);
        using var client = _host.NewClient();

        using var page2 = await GetAsync(client, $"api/incidents?q={marker}&page=2&pageSize=2", token.Secret);
        var second = await page2.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, second.GetProperty("total").GetInt32());
        Assert.Equal(2, second.GetProperty("pageSize").GetInt32());
        Assert.Equal(low, Assert.Single(second.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());

        using var first = await GetAsync(client, $"api/incidents?q={marker}&pageSize=2", token.Secret);
        Assert.Equal(newest, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("id").GetInt64());

        using var lowOnly = await GetAsync(client, $"api/incidents?q={marker}&severity=low&active=true", token.Secret);
        var lows = await lowOnly.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(low, Assert.Single(lows.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());

        using var resolved = await GetAsync(client, $"api/incidents?q={marker}&state=Resolved", token.Secret);
        Assert.Equal(0, (await resolved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_query_outside_the_rules_is_a_problem_not_an_error()
    {
        var token = await CreateTokenAsync(_host);
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/incidents?severity=1&pageSize=500", token.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();
        Assert.Contains("severity", detail, StringComparison.Ordinal);
        Assert.Contains("pageSize", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_incident_comes_with_its_timeline_and_a_missing_one_is_a_404_problem()
    {
        var id = await SeedIncidentAsync(_host, "Detail " + Guid.NewGuid().ToString("N")[..8]);
        var token = await CreateTokenAsync(_host);
        using var client = _host.NewClient();

        using var found = await GetAsync(client, $"api/incidents/{id}", token.Secret);
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var body = await found.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, body.GetProperty("incident").GetProperty("id").GetInt64());
        Assert.Equal("Opened", body.GetProperty("timeline")[0].GetProperty("kind").GetString());

        using var missing = await GetAsync(client, "api/incidents/999999999", token.Secret);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_call_acts_as_the_tokens_owner_from_the_api_and_records_its_use()
    {
        var token = await CreateTokenAsync(_host, Roles.Auditor);
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/incidents", token.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var used = await QueryAsync(_host, db => db.Set<Core.Features.Users.AccessTokens.AccessToken>().Where(t => t.Id == token.Id).Select(t => t.LastUsedUtc).SingleAsync());
        Assert.NotNull(used);
    }
}
