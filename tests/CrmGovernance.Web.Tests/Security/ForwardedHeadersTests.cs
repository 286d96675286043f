using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>
/// The portal behind a TLS-terminating proxy: the tests' client on 127.0.0.1 plays the proxy, sending
/// X-Forwarded-Proto: https as a proxy does for a browser's HTTPS request.
/// </summary>
public sealed class ForwardedHeadersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly Dictionary<string, string> LoopbackIsTheProxy = BehindProxy.Settings();

    [Fact]
    public async Task Behind_a_configured_proxy_an_https_sign_in_sets_a_secure_cookie()
    {
        using var host = new PortalHost(settings: LoopbackIsTheProxy);
        var cookie = await SignInCookieAsync(host, "https");
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_the_hub_accepts_the_public_https_origin()
    {
        using var host = new PortalHost(settings: LoopbackIsTheProxy);
        using var client = host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "_blazor/negotiate?negotiateVersion=1");
        request.Headers.Host = "crm.example.test";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("Origin", "https://crm.example.test");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_Proto_from_an_address_that_is_not_a_configured_proxy_is_ignored()
    {
        var cookie = await SignInCookieAsync(fixture.Host, "https");
        Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Without_a_configured_proxy_the_hub_refuses_a_page_that_claims_https_through_the_header()
    {
        // The request's scheme stays http, so the https origin is not the portal's own.
        using var client = fixture.Host.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "_blazor/negotiate?negotiateVersion=1");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("Origin", "https://" + fixture.Host.BaseAddress.Authority);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task In_production_behind_a_configured_proxy_https_requests_get_HSTS_and_host_prefixed_secure_cookies()
    {
        using var host = new PortalHost(demo: false, settings: LoopbackIsTheProxy, environment: "Production");
        using var client = host.NewClient();

        using var https = await GetAsync(client, "Account/Login", "https");
        Assert.True(https.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "No HSTS header on an HTTPS request.");
        Assert.StartsWith("max-age=", hsts!.Single(), StringComparison.Ordinal);
        var antiforgery = Assert.Single(SetCookies(https), c => c.Contains("Antiforgery", StringComparison.Ordinal));
        Assert.StartsWith("__Host-CrmGovernance.Antiforgery=", antiforgery, StringComparison.Ordinal);
        Assert.Contains("; secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; path=/", antiforgery, StringComparison.OrdinalIgnoreCase);

        using var plain = await GetAsync(client, "Account/Login", forwardedProto: null);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"), "HSTS on a plain-http request.");
    }

    [Fact]
    public async Task In_production_the_sign_in_cookie_is_host_prefixed_and_secure()
    {
        using var host = new PortalHost(demo: false, settings: LoopbackIsTheProxy, environment: "Production");
        await PortalUsers.CreateAsync(host, "prod.admin@example.com", "quartz meadow lantern fifty", Roles.Admin);
        var cookie = await SignInCookieAsync(host, "https", "prod.admin@example.com", "quartz meadow lantern fifty");
        Assert.StartsWith("__Host-CrmGovernance.Auth=", cookie, StringComparison.Ordinal);
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task In_production_a_page_requested_over_plain_http_is_refused_with_what_to_configure_and_health_still_answers()
    {
        using var host = new PortalHost(demo: false, environment: "Production");
        using var client = host.NewClient();

        using var page = await client.GetAsync("Account/Login");
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Contains("Security:ForwardedHeaders:KnownProxies", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var health = await client.GetAsync("health");
        Assert.NotEqual(HttpStatusCode.BadRequest, health.StatusCode);
    }

    [Fact]
    public async Task In_production_plain_http_can_be_allowed_explicitly()
    {
        using var host = new PortalHost(demo: false, new Dictionary<string, string> { ["Security:RequireHttps"] = "false" }, environment: "Production");
        using var client = host.NewClient();
        using var page = await client.GetAsync("Account/Login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(SetCookies(page), c => c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Signs in through the form with X-Forwarded-Proto on both requests; returns the Set-Cookie of the sign-in cookie.</summary>
    private static async Task<string> SignInCookieAsync(PortalHost host, string forwardedProto, string? email = null, string? password = null)
    {
        var account = DemoAccounts.All.Single(a => a.Role == Roles.Manager);
        // Cookies by hand: a cookie marked Secure is not sent back over the test's plain-http connection by a CookieContainer.
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        using var page = await GetAsync(client, "Account/Login", forwardedProto);
        var antiforgery = SetCookies(page).Single(c => c.Contains("Antiforgery", StringComparison.Ordinal)).Split(';')[0];

        using var post = new HttpRequestMessage(HttpMethod.Post, "Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = Forms.AntiforgeryTokenOf(await page.Content.ReadAsStringAsync()),
                ["Input.Email"] = email ?? account.Email,
                ["Input.Password"] = password ?? account.Password,
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", forwardedProto);
        post.Headers.Add("Cookie", antiforgery);
        using var response = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return SetCookies(response).Single(c => c.Contains("CrmGovernance.Auth=", StringComparison.Ordinal));
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string path, string? forwardedProto)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        // HSTS is never sent for localhost names: ask for the page under the name a proxy would pass on.
        request.Headers.Host = "crm.example.test";
        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }
        return await client.SendAsync(request);
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
}
