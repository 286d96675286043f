namespace CrmGovernance.Web.Features.Inbound;

/// <summary>The inbound webhook endpoint, POST /api/inbound/{systemKey}/{object}.</summary>
internal static class InboundEndpoints
{
    public static IServiceCollection AddInboundEndpoint(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }

    public static WebApplication MapInboundEndpoint(this WebApplication app)
    {
        return app;
    }
}
