using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Users.AccessTokens;
using CrmGovernance.Web.Tests.Users;
using static CrmGovernance.Web.Tests.Users.ApiPortal;

namespace CrmGovernance.Web.Tests.Insights;

/// <summary>
/// The insights API on the real portal, with tokens created as their owners would. Figures are seeded in January 2020,
/// a week no demo history reaches, through the one roll-up writer.
/// </summary>
public sealed class InsightsApiTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private const string Week = "from=2020-01-06&to=2020-01-12";
    private readonly Hosting.PortalHost _host = fixture.Host;

    [Fact]
    public async Task A_managers_token_reads_the_dashboard_with_values_baselines_and_trends()
    {
        await SeedAsync();
        var token = await CreateTokenAsync(_host, Roles.Manager, scope: AccessTokenScopes.InsightsRead);
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/insights/dashboard?" + Week, token.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2020-01-06", body.GetProperty("from").GetString());
        Assert.Equal("day", body.GetProperty("resolution").GetString());
        Assert.Equal("previousPeriod", body.GetProperty("baseline").GetProperty("kind").GetString());
        Assert.Equal("2019-12-30", body.GetProperty("baseline").GetProperty("from").GetString());
        var moved = body.GetProperty("cards").EnumerateArray().Single(c => c.GetProperty("key").GetString() == "records-moved");
        Assert.Equal(7, moved.GetProperty("value").GetDouble());
        Assert.Equal(3, moved.GetProperty("baseline").GetDouble());
        Assert.Equal(4, moved.GetProperty("change").GetDouble());
        Assert.True(moved.GetProperty("improved").GetBoolean());
        Assert.Equal("count", moved.GetProperty("unit").GetString());
        var trend = moved.GetProperty("trend").EnumerateArray().ToList();
        Assert.Equal(7, trend.Count);
        Assert.Equal("2020-01-08T00:00:00Z", trend[2].GetProperty("start").GetString());
        Assert.Equal(7, trend[2].GetProperty("value").GetDouble());
        var flow = Assert.Single(body.GetProperty("flows").EnumerateArray());
        Assert.Equal(DemoConfiguration.OrdersFlow, flow.GetProperty("flowId").GetGuid());
        Assert.Equal("Too expensive", Assert.Single(body.GetProperty("rejectionReasons").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_business_owners_token_is_refused_an_object_they_do_not_own()
    {
        var token = await CreateTokenAsync(_host, Roles.BusinessOwner, scope: AccessTokenScopes.InsightsRead);
        using var client = _host.NewClient();

        using var own = await GetAsync(client, $"api/insights/dashboard?{Week}&object={StandardObjects.Order}", token.Secret);
        using var other = await GetAsync(client, $"api/insights/dashboard?{Week}&object={Guid.NewGuid()}", token.Secret);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Contains("objects you own", (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_period_or_figure_is_a_400_problem_naming_it()
    {
        var token = await CreateTokenAsync(_host, Roles.Manager, scope: AccessTokenScopes.InsightsRead);
        using var client = _host.NewClient();

        using var backwards = await GetAsync(client, "api/insights/dashboard?from=2020-01-12&to=2020-01-06", token.Secret);
        using var notADay = await GetAsync(client, "api/insights/dashboard?from=2020-13-01&flow=nope", token.Secret);
        using var noCard = await GetAsync(client, "api/insights/drill/runs?" + Week, token.Secret);
        using var unknownCard = await GetAsync(client, "api/insights/drill/records?card=happiness&" + Week, token.Secret);

        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("ends before it starts", await DetailAsync(backwards), StringComparison.Ordinal);
        var detail = await DetailAsync(notADay);
        Assert.Contains("from:", detail, StringComparison.Ordinal);
        Assert.Contains("flow:", detail, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noCard.StatusCode);
        Assert.Contains("card", await DetailAsync(noCard), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknownCard.StatusCode);
        Assert.Contains("happiness", await DetailAsync(unknownCard), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_token_is_401_an_incidents_token_is_403_and_an_unknown_version_is_404()
    {
        var incidents = await CreateTokenAsync(_host, Roles.Manager);
        var insights = await CreateTokenAsync(_host, Roles.Manager, scope: AccessTokenScopes.InsightsRead);
        using var client = _host.NewClient();

        using var none = await GetAsync(client, "api/insights/dashboard", null);
        using var wrongScope = await GetAsync(client, "api/insights/dashboard", incidents.Secret);
        using var missing = await GetAsync(client, "api/insights/versions/999999", insights.Secret);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
        Assert.Contains(AccessTokenScopes.InsightsRead, await DetailAsync(wrongScope), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_drill_down_pages_the_runs_behind_a_figure()
    {
        var token = await CreateTokenAsync(_host, Roles.Manager, scope: AccessTokenScopes.InsightsRead);
        using var client = _host.NewClient();

        using var response = await GetAsync(client, "api/insights/drill/runs?card=records-moved&page=1&pageSize=10&" + Week, token.Secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(10, body.GetProperty("pageSize").GetInt32());
        Assert.Equal(0, body.GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("items").ValueKind);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_insights_paths_and_their_filters()
    {
        using var client = _host.NewClient();

        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/insights/dashboard", "/api/insights/versions/{number}", "/api/insights/drill/runs", "/api/insights/drill/records" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path + " is not in the document");
        }
        var parameters = paths.GetProperty("/api/insights/dashboard").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "from", "to", "object", "flow", "system", "baselineFrom", "baselineTo" }, parameters);
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("InsightsDashboardResponse", out _));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString() ?? "";

    /// <summary>Orders: 7 records moved on 8 January 2020 (3 in the week before), one rejected as "Too expensive".</summary>
    private async Task SeedAsync()
    {
        ContributionItem Item(string metric, DateTime at, double value, string dimension = "") =>
            new(metric, DemoConfiguration.OrdersFlow, StandardObjects.Order, DemoConfiguration.Shop, DemoConfiguration.Crm, dimension, at, value);
        var now = new DateTime(2020, 1, 8, 10, 0, 0, DateTimeKind.Utc);
        var before = new DateTime(2020, 1, 1, 10, 0, 0, DateTimeKind.Utc);
        await _host.Services.GetRequiredService<RollupWriter>().ApplyAsync(
        [
            ("api-test:now", [Item(InsightMetric.Runs, now, 1), Item(InsightMetric.Processed, now, 8), Item(InsightMetric.Created, now, 7),
                Item(InsightMetric.Rejected, now, 1), Item(InsightMetric.RejectionReason, now, 1, "Too expensive")]),
            ("api-test:before", [Item(InsightMetric.Runs, before, 1), Item(InsightMetric.Processed, before, 3), Item(InsightMetric.Created, before, 3)]),
        ], CancellationToken.None);
    }
}
