using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Security;

/// <summary>
/// With Security:RequireHttps, answers a plain-http page request with 400 and a message that says what to configure,
/// instead of a page whose Secure cookies the browser would drop (or an antiforgery error). The inbound API and /health
/// use no cookies and still answer, so load balancers and internal callers keep working.
/// </summary>
internal static partial class HttpsRequirement
{
    public const string Message = "This portal answers only over HTTPS (Security:RequireHttps). Behind a TLS-terminating proxy, list the proxy in " +
        "Security:ForwardedHeaders:KnownProxies or KnownNetworks so that its X-Forwarded-Proto header is believed. To try a " +
        "non-Development build over plain http on this machine, set Security:RequireHttps to false.";

    public static IApplicationBuilder UseHttpsRequirement(this IApplicationBuilder app, IHostEnvironment environment)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.HttpsRequiredIn(environment))
        {
            return app;
        }
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsRequirement));
        var logged = 0;
        return app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.Request.IsHttps || path.StartsWithSegments("/health") || path.StartsWithSegments("/api"))
            {
                await next(context);
                return;
            }
            if (Interlocked.Exchange(ref logged, 1) == 0)
            {
                Refused(logger, context.Connection.RemoteIpAddress?.ToString() ?? "?");
            }
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Message);
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a plain-http page request from {Address} (logged once): " + Message)]
    private static partial void Refused(ILogger logger, string address);
}
