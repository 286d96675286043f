using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Web.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// How often a cookie request rebuilds its principal from the database (claims re-read, cookie re-issued).
    /// Ended sessions and removed roles do not wait for it: see <see cref="SessionCheckSeconds"/>.
    /// </summary>
    [Range(5, 600)]
    public int RevalidationSeconds { get; set; } = 30;

    /// <summary>
    /// How often an open page (a Blazor circuit) checks that its session still stands: a sign-out elsewhere, a password
    /// or two-factor change, a disabled account or a removed role reach open pages within this interval. Cookie
    /// requests make the same check on every request. One indexed read per open page per check.
    /// </summary>
    [Range(1, 60)]
    public int SessionCheckSeconds { get; set; } = 5;

    [Range(1, 20)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>
    /// Whether browsers reach the portal over HTTPS only (unset: everywhere but Development). Then every cookie is Secure,
    /// the sign-in and antiforgery cookies carry the __Host- prefix, and a page requested over plain http is refused with
    /// a message (the API and /health still answer). Behind a TLS proxy, list it in <see cref="ForwardedHeaders"/>.
    /// </summary>
    public bool? RequireHttps { get; set; }

    /// <summary><see cref="RequireHttps"/> as it applies in <paramref name="environment"/>.</summary>
    public bool HttpsRequiredIn(IHostEnvironment environment) => RequireHttps ?? !environment.IsDevelopment();

    /// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed; none by default.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    /// <summary>
    /// Origins (scheme://host[:port]) besides the portal's own whose pages may open its Blazor connection (/_blazor).
    /// Any other Origin is refused with 403, so another site cannot drive a signed-in user's session.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
