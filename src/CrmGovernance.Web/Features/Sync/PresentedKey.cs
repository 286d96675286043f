using CrmGovernance.Core.Features.Sync.Inbound;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>
/// The API key a request presents: the X-Api-Key header, else "Authorization: Bearer &lt;key&gt;", else the query
/// parameter "key". The query form exists because a plain HTML form cannot set headers; its cost is that the key can
/// end up in browser history, proxy and server logs and Referer headers, so use it only where a header is impossible
/// and issue that site a key of its own.
/// </summary>
internal static class PresentedKey
{
    public const string Header = "X-Api-Key";
    public const string QueryParameter = "key";
    private static readonly object ItemKey = new();

    /// <summary>The SHA-256 hash of the presented key (computed once per request; the rate limiter needs it too), or null.</summary>
    public static string? HashOf(HttpContext http)
    {
        if (http.Items.TryGetValue(ItemKey, out var cached))
        {
            return (string?)cached;
        }
        var key = Read(http.Request);
        var hash = key is null ? null : InboundKeyText.Hash(key);
        http.Items[ItemKey] = hash;
        return hash;
    }

    private static string? Read(HttpRequest request)
    {
        var key = request.Headers[Header].ToString();
        if (key.Length == 0 && request.Headers.Authorization.ToString() is { Length: > 7 } authorization
            && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = authorization[7..];
        }
        if (key.Length == 0 && request.QueryString.HasValue)
        {
            key = request.Query[QueryParameter].ToString();
        }
        key = key.Trim();
        return key.Length is 0 or > InboundKeyText.MaxLength ? null : key;
    }
}
