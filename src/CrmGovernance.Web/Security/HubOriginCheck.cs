using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CrmGovernance.Web.Security;

/// <summary>
/// Refuses (403) requests to the Blazor hub whose Origin is neither the portal's own (scheme, host and port of the
/// request, after forwarded headers) nor listed in Security:AllowedOrigins. Browsers send Origin with the negotiate
/// POST and the WebSocket handshake, and the cookie travels with both: without this check any web page a signed-in
/// user visits could open a circuit as that user. Requests without Origin (not from a browser page) pass.
/// </summary>
internal static partial class HubOriginCheck
{
    public const string HubPath = "/_blazor";

    public static IApplicationBuilder UseHubOriginCheck(this IApplicationBuilder app)
    {
        var allowed = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.AllowedOrigins
            .Select(Normalize).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HubOriginCheck));
        return app.Use((context, next) =>
        {
            var origin = context.Request.Headers.Origin;
            if (!context.Request.Path.StartsWithSegments(HubPath) || origin.Count == 0 || IsAllowed(origin, context.Request, allowed))
            {
                return next(context);
            }
            Refused(logger, origin.ToString(), context.Request.Scheme + "://" + context.Request.Host);
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
    }

    /// <summary>"scheme://host:port" in lower case, or null when <paramref name="origin"/> is not an http(s) origin.</summary>
    public static string? Normalize(string? origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || uri.UserInfo.Length > 0 || uri.PathAndQuery != "/" || uri.Fragment.Length > 0)
        {
            return null;
        }
        return $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}".ToLowerInvariant();
    }

    private static bool IsAllowed(StringValues origin, HttpRequest request, HashSet<string> allowed)
    {
        if (origin.Count != 1 || Normalize(origin[0]) is not { } presented)
        {
            return false; // "null" (sandboxed frames, file: pages) or several values
        }
        return presented == Normalize(request.Scheme + "://" + request.Host.Value) || allowed.Contains(presented);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a Blazor connection from origin {Origin}: the portal answers as {Own} and Security:AllowedOrigins does not list it. Behind a TLS proxy, list the proxy in Security:ForwardedHeaders.")]
    private static partial void Refused(ILogger logger, string origin, string own);
}
