using System.Net;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Web.Components.Account;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

public sealed class ReturnUrlTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>Hostile return URLs as they appear in a link's query string.</summary>
    public static TheoryData<string> HostileQueryValues => new()
    {
        "//evil.example",
        "/%5Cevil.example",
        "%2F%2Fevil.example",
        "javascript:alert(1)",
        "https://evil.example",
        "/%0D%0ALocation:%20https://evil.example",
        "/%09/evil.example",
        "%20//evil.example",
        "/.//evil.example",
    };

    /// <summary>The same, as a form field carries them (decoded).</summary>
    public static TheoryData<string> HostileFormValues => new()
    {
        "//evil.example",
        "/\\evil.example",
        "javascript:alert(1)",
        "https://evil.example",
        "/\r\nLocation: https://evil.example",
        "/\t/evil.example",
    };

    [Theory]
    [MemberData(nameof(HostileQueryValues))]
    public async Task Signing_in_with_a_hostile_return_url_lands_on_the_home_page(string returnUrl)
    {
        using var client = fixture.Host.NewClient();
        var account = DemoAccounts.All.Single(a => a.Role == Roles.Manager);

        using var response = await Forms.PostAsync(client, "Account/Login?ReturnUrl=" + returnUrl, "login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });

        AssertRedirectsHome(response);
    }

    [Theory]
    [MemberData(nameof(HostileFormValues))]
    public async Task Signing_out_with_a_hostile_return_url_lands_on_the_home_page(string returnUrl)
    {
        var account = DemoAccounts.All.Single(a => a.Role == Roles.Manager);
        using var client = await SignIn.AsAsync(fixture.Host, account.Email, account.Password);
        var token = Forms.AntiforgeryTokenOf(await client.GetStringAsync("Account/Manage"));

        using var response = await client.PostAsync("Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["ReturnUrl"] = returnUrl,
        }));

        AssertRedirectsHome(response);
    }

    [Fact]
    public async Task Signing_in_with_a_local_return_url_goes_there()
    {
        using var client = fixture.Host.NewClient();
        var account = DemoAccounts.All.Single(a => a.Role == Roles.Auditor);
        using var response = await Forms.PostAsync(client, "Account/Login?ReturnUrl=" + Uri.EscapeDataString("/audit?q=x"), "login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(fixture.Host.BaseAddress, response.Headers.Location!);
        Assert.Equal("/audit?q=x", target.PathAndQuery);
    }

    [Theory]
    [InlineData(null, "http://portal.test/")]
    [InlineData("", "http://portal.test/")]
    [InlineData("/audit?q=a%20b#top", "http://portal.test/audit?q=a%20b#top")]
    [InlineData("Account/Manage", "http://portal.test/Account/Manage")]
    [InlineData("http://portal.test/flows/1", "http://portal.test/flows/1")]
    [InlineData("HTTP://PORTAL.TEST/flows/1", "http://portal.test/flows/1")]
    [InlineData("//evil.example/x", "http://portal.test/")]
    [InlineData("///evil.example", "http://portal.test/")]
    [InlineData("/\\evil.example", "http://portal.test/")]
    [InlineData("\\\\evil.example", "http://portal.test/")]
    [InlineData("/.//evil.example", "http://portal.test/")]
    [InlineData(" //evil.example", "http://portal.test/")]
    [InlineData("/\t/evil.example", "http://portal.test/")]
    [InlineData("/\r\nSet-Cookie: x=1", "http://portal.test/")]
    [InlineData("javascript:alert(1)", "http://portal.test/")]
    [InlineData("JaVaScRiPt:alert(1)", "http://portal.test/")]
    [InlineData("data:text/html,<script>alert(1)</script>", "http://portal.test/")]
    [InlineData("https://evil.example", "http://portal.test/")]
    [InlineData("https://portal.test/", "http://portal.test/")]
    [InlineData("http://portal.test:8080/", "http://portal.test/")]
    [InlineData("http://portal.test.evil.example/", "http://portal.test/")]
    [InlineData("http://portal.test@evil.example/", "http://portal.test/")]
    public void A_return_url_resolves_to_a_place_on_the_site_or_home(string? returnUrl, string expected)
    {
        Assert.Equal(expected, LocalReturnUrl.Resolve(returnUrl, "http://portal.test/"));
    }

    private void AssertRedirectsHome(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(fixture.Host.BaseAddress, response.Headers.Location!);
        Assert.Equal(fixture.Host.BaseAddress.Authority, target.Authority);
        Assert.Equal(fixture.Host.BaseAddress.Scheme, target.Scheme);
        Assert.Equal("/", target.AbsolutePath);
    }
}
