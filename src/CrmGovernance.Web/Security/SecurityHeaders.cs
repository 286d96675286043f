using System.Security.Cryptography;

namespace CrmGovernance.Web.Security;

/// <summary>
/// Headers on every response: a Content-Security-Policy that lets only the portal's own scripts run (plus the import
/// map, by a per-request nonce), no framing, no MIME sniffing, and no full URLs in the Referer sent to other sites.
/// Styles stay 'unsafe-inline' because MudBlazor sets inline styles; Blazor Server needs no eval.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "CrmGovernance.CspNonce";

    /// <summary>This request's script nonce, for the few inline scripts the framework renders (the import map).</summary>
    public static string NonceOf(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static string ContentSecurityPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)); // hex: no character needs escaping in HTML
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
