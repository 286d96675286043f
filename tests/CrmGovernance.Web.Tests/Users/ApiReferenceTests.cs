using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Users;

public sealed partial class ApiReferenceTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private readonly PortalHost _host = fixture.Host;

    [Fact]
    public async Task The_openapi_document_describes_both_endpoints_and_the_bearer_scheme()
    {
        using var client = _host.NewClient();

        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/incidents", out var list));
        Assert.True(paths.TryGetProperty("/api/incidents/{id}", out _));
        Assert.False(paths.TryGetProperty("/api/inbound/{systemKey}/{object}", out _));
        var parameters = list.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Superset(new HashSet<string?> { "state", "active", "severity", "cause", "flowId", "systemId", "owner", "q", "page", "pageSize" }, parameters.ToHashSet());
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("AccessToken");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(list.GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task The_reference_page_is_served_from_the_portal_under_its_content_security_policy()
    {
        using var client = _host.NewClient();

        // Scalar answers /api/reference with a redirect to /api/reference/, so its relative asset paths resolve.
        using var redirect = await client.GetAsync("api/reference");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.EndsWith("reference/", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var response = await client.GetAsync("api/reference/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var nonce = NonceInPolicy().Match(csp).Groups[1].Value;
        Assert.NotEmpty(nonce);
        var scripts = ScriptTag().Matches(html).Select(m => m.Value).ToList();
        Assert.NotEmpty(scripts);
        // Every script runs under the policy: it carries this response's nonce, and none comes from another site.
        Assert.All(scripts, s => Assert.Contains($"nonce=\"{nonce}\"", s, StringComparison.Ordinal));
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);

        foreach (var src in ScriptSource().Matches(html).Select(m => m.Groups[1].Value))
        {
            using var asset = await client.GetAsync(new Uri(new Uri(_host.BaseAddress, "api/reference/"), src));
            Assert.True(asset.StatusCode == HttpStatusCode.OK, $"{src}: {(int)asset.StatusCode}");
        }
    }

    [GeneratedRegex("'nonce-([0-9a-f]+)'")]
    private static partial Regex NonceInPolicy();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
