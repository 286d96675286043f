using System.Net;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Locale;

/// <summary>Pages write numbers in the browser's language (Accept-Language), with en-GB when it sends none .NET knows.</summary>
public sealed class RequestCultureTests(LocaleFixture fixture) : IClassFixture<LocaleFixture>
{
    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "1.234 unreadable inbound payload(s)")]
    [InlineData("en-GB,en;q=0.9", "1,234 unreadable inbound payload(s)")]
    [InlineData("fr-FR", "1\u202f234 unreadable inbound payload(s)")]
    [InlineData(null, "1,234 unreadable inbound payload(s)")]
    [InlineData("xx-unknown", "1,234 unreadable inbound payload(s)")]
    public async Task A_count_follows_the_browsers_language(string? acceptLanguage, string expected)
    {
        using var client = await SignIn.AsAsync(fixture.Host, LocaleFixture.Email, LocaleFixture.Password);
        using var request = new HttpRequestMessage(HttpMethod.Get, "error-queue");
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
