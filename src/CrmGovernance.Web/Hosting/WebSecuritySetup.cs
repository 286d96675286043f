using System.Net;
using CrmGovernance.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Hosting;

internal static class WebSecuritySetup
{
    private const string HostPrefix = "__Host-";

    /// <summary>
    /// Forwarded headers from the configured proxies only, and cookies fit for HTTPS: with Security:RequireHttps (the
    /// default outside Development) every cookie is Secure and the sign-in and antiforgery cookies carry the __Host- prefix
    /// (no Domain, Path=/, HTTPS only). Without it (Development) plain http works: cookies are Secure when the request is HTTPS.
    /// </summary>
    public static IServiceCollection AddCrmWebSecurity(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton<IValidateOptions<SecurityOptions>, WebSecurityOptionsValidator>();
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        var settings = security.ForwardedHeaders;
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = null; // walk back through every listed proxy, and stop at the first address not listed
            // The framework trusts loopback by default; here only what the operator lists is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies.Where(p => IPAddress.TryParse(p, out _)))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in settings.KnownNetworks.Where(n => System.Net.IPNetwork.TryParse(n, out _)))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        var httpsOnly = security.HttpsRequiredIn(environment);
        var secure = httpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = secure);
        if (httpsOnly)
        {
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = HostPrefix + o.Cookie.Name;
                o.Cookie.Path = "/";
            });
        }
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = (httpsOnly ? HostPrefix : "") + "CrmGovernance.Antiforgery";
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = secure;
        });
        return services;
    }

    /// <summary>Believes X-Forwarded-For/-Proto from the configured proxies; does nothing when none is configured.</summary>
    public static IApplicationBuilder UseCrmForwardedHeaders(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.ForwardedHeaders.IsConfigured
            ? app.UseForwardedHeaders()
            : app;
}
