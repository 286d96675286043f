using System.Text.RegularExpressions;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

public sealed partial class SecurityHeadersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("Account/Login")]
    [InlineData("not-a-page")]
    [InlineData("health")]
    public async Task Responses_carry_a_script_policy_and_the_other_security_headers(string path)
    {
        using var client = fixture.Host.NewClient();
        using var response = await client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Matches("script-src 'self' 'nonce-[0-9a-f]{32}';", csp);
        foreach (var directive in new[] { "default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task Every_inline_script_on_the_sign_in_page_carries_the_nonce_and_no_element_has_an_inline_handler()
    {
        using var client = fixture.Host.NewClient();
        using var response = await client.GetAsync("Account/Login");
        var page = await response.Content.ReadAsStringAsync();
        var nonce = Regex.Match(Header(response, "Content-Security-Policy"), "'nonce-([^']+)'").Groups[1].Value;

        var inline = InlineScript().Matches(page).Select(m => m.Value).ToList();
        Assert.NotEmpty(inline); // the import map
        Assert.All(inline, tag => Assert.Contains($"nonce=\"{nonce}\"", tag, StringComparison.Ordinal));
        Assert.DoesNotMatch(InlineHandler(), page);
        Assert.Contains("data-demo-email", page, StringComparison.Ordinal); // the demo "Use" buttons work without one
    }

    [Fact]
    public async Task Each_response_gets_its_own_nonce()
    {
        using var client = fixture.Host.NewClient();
        using var first = await client.GetAsync("Account/Login");
        using var second = await client.GetAsync("Account/Login");
        Assert.NotEqual(Header(first, "Content-Security-Policy"), Header(second, "Content-Security-Policy"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : "";

    /// <summary>Opening tags of scripts without a src (inline scripts and import maps).</summary>
    [GeneratedRegex("<script(?![^>]*\\ssrc=)[^>]*>")]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[a-z][^>]*\\son[a-z]+=\"", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
