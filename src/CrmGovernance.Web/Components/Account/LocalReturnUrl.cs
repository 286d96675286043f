namespace CrmGovernance.Web.Components.Account;

/// <summary>
/// Turns a return URL that arrived with a request (query string or form) into a place on this site. Anything that
/// could leave it — another host, a protocol-relative or backslash path, a script URL, whitespace or control characters
/// (browsers drop them, which turns "/\t/evil" into "//evil") — becomes the home page. Never throws.
/// </summary>
internal static class LocalReturnUrl
{
    /// <summary>An absolute URL on the same origin as <paramref name="baseUri"/>: the return URL's target, or the base itself.</summary>
    public static string Resolve(string? url, string baseUri)
    {
        var home = new Uri(baseUri, UriKind.Absolute);
        if (string.IsNullOrEmpty(url) || url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\') || url.StartsWith("//", StringComparison.Ordinal))
        {
            return home.AbsoluteUri;
        }
        // "/x" first: on Unix, Uri reads a lone path as an absolute file: URI.
        var parsed = url.StartsWith('/') ? Uri.TryCreate(home, url, out var target)
            : Uri.TryCreate(url, UriKind.Absolute, out target) || Uri.TryCreate(home, url, out target);
        if (!parsed || target is null || !SameOrigin(target, home) || target.AbsolutePath.StartsWith("//", StringComparison.Ordinal))
        {
            return home.AbsoluteUri;
        }
        return target.AbsoluteUri;
    }

    /// <summary>The return URL as a path under the application root ("/audit?x=1", "/" when it would leave the site).</summary>
    public static string PathOf(string? url)
    {
        var target = new Uri(Resolve(url, "http://localhost/"));
        return target.PathAndQuery + target.Fragment;
    }

    private static bool SameOrigin(Uri target, Uri home) =>
        Uri.Compare(target, home, UriComponents.SchemeAndServer, UriFormat.UriEscaped, StringComparison.OrdinalIgnoreCase) == 0;
}
