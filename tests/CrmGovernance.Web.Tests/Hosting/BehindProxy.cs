namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>
/// The tests' client as a TLS-terminating proxy on 127.0.0.1 (as a deployment outside Development runs): listed in
/// Security:ForwardedHeaders, and sending X-Forwarded-Proto: https as a proxy does for a browser's HTTPS request.
/// </summary>
public static class BehindProxy
{
    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, string>? more = null)
    {
        var settings = new Dictionary<string, string> { ["Security:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" };
        foreach (var (key, value) in more ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>A client whose every request arrives "over HTTPS". It keeps no cookies: a cookie container would not send Secure ones over the test's plain-http connection.</summary>
    public static HttpClient NewClient(PortalHost host)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        return client;
    }
}
