using System.Diagnostics;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.AspNetCore.Mvc;
using Serilog.AspNetCore;
using Serilog.Events;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>The inbound webhook endpoint, POST /api/inbound/{systemKey}/{object}.</summary>
internal static class InboundEndpoints
{
    public const string Pattern = "/api/inbound/{systemKey}/{object}";

    public static IServiceCollection AddInboundEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<InboundHandler>();
        services.AddRateLimiter(o => o.AddPolicy<string, InboundRateLimitPolicy>(InboundRateLimitPolicy.Name));
        // One information line per accepted webhook would flood the log at thousands per second: accepted ones are
        // logged at Debug; refusals and errors keep their usual level.
        services.Configure<RequestLoggingOptions>(o =>
        {
            var usual = o.GetLevel;
            o.GetLevel = (http, elapsed, ex) =>
                ex is null && http.Response.StatusCode == StatusCodes.Status202Accepted && http.Request.Path.StartsWithSegments("/api/inbound")
                    ? LogEventLevel.Debug
                    : usual(http, elapsed, ex);
        });
        return services;
    }

    public static WebApplication MapInboundEndpoint(this WebApplication app)
    {
        // Not a cookie endpoint: the API key is its authentication, checked by the handler, so antiforgery does not apply.
        app.MapPost(Pattern, (HttpContext http, string systemKey, [FromRoute(Name = "object")] string objectKey, InboundHandler handler) =>
                // Timed only while something listens (telemetry on): otherwise the request costs what it did before.
                CrmTelemetry.InboundWebhookDuration.Enabled ? TimedAsync(handler, http, systemKey, objectKey) : handler.HandleAsync(http, systemKey, objectKey))
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(InboundRateLimitPolicy.Name)
            .WithName("InboundWebhook");
        return app;
    }

    private static async Task<IResult> TimedAsync(InboundHandler handler, HttpContext http, string systemKey, string objectKey)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await handler.HandleAsync(http, systemKey, objectKey);
        CrmTelemetry.InboundWebhookDuration.Record(CrmTelemetry.SecondsSince(started),
            new KeyValuePair<string, object?>("http.response.status_code", (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK));
        return result;
    }
}
