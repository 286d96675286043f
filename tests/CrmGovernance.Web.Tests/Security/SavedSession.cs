using System.Net;
using CrmGovernance.Web.Tests.Hosting;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>
/// A signed-in browser whose cookies can be copied, as an attacker who saved the cookie would: the copy keeps
/// whatever the server issued at the time of the copy, while the original browser carries on.
/// </summary>
public sealed class SavedSession : IDisposable
{
    private readonly PortalHost _host;
    private readonly CookieContainer _cookies = new();

    private SavedSession(PortalHost host)
    {
        _host = host;
        Client = NewClient(host, _cookies);
    }

    public HttpClient Client { get; }

    public static async Task<SavedSession> SignInAsync(PortalHost host, string email, string password)
    {
        var session = new SavedSession(host);
        using var response = await SignIn.PostLoginAsync(session.Client, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed with {(int)response.StatusCode}.");
        return session;
    }

    /// <summary>A second client holding a copy of this session's cookies as they are now.</summary>
    public HttpClient CopyCookies()
    {
        var copy = new CookieContainer();
        copy.Add(_cookies.GetCookies(_host.BaseAddress));
        return NewClient(_host, copy);
    }

    /// <summary>Signs out with the layout's sign-out form, antiforgery token included.</summary>
    public async Task SignOutAsync()
    {
        var page = await Client.GetStringAsync("");
        using var response = await Client.PostAsync("Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Forms.AntiforgeryTokenOf(page),
            ["ReturnUrl"] = "",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    public void Dispose() => Client.Dispose();

    private static HttpClient NewClient(PortalHost host, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = host.BaseAddress };
}
