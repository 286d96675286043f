using System.Text.Json.Serialization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Users.AccessTokens;
using CrmGovernance.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Scalar.AspNetCore;

namespace CrmGovernance.Web.Features.Users.Api;

/// <summary>
/// The read API's shared door: the access-token scheme, the policies of its scopes and its rate limit, the OpenAPI document
/// at /openapi/v1.json and its reference page at /api/reference (Scalar, served from the package: no CDN). The endpoints sit
/// with the features they serve (Incidents/Api, Insights/Api), which come later in the order and use these names; the
/// pipeline maps them (docs/architecture.md, "Web").
/// </summary>
internal static class ReadApi
{
    public const string IncidentsReadPolicy = "Api:" + AccessTokenScopes.IncidentsRead;
    public const string InsightsReadPolicy = "Api:" + AccessTokenScopes.InsightsRead;
    public const string ReferencePath = "/api/reference";
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddReadApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null);
        // Only the token scheme: a cookie on an /api call authenticates nothing. The roles are those of the capability
        // the scope reads, so the authorization matrix sees the same access as the portal's incident pages.
        services.AddAuthorizationBuilder().AddPolicy(IncidentsReadPolicy, p => p
            .AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(AccessTokenAuthentication.ScopeClaim, AccessTokenScopes.IncidentsRead)
            .RequireRole(CapabilityTable.Of(AccessTokenScopes.CapabilityOf(AccessTokenScopes.IncidentsRead)).AnyRoles))
            .AddPolicy(InsightsReadPolicy, p => p
            .AddAuthenticationSchemes(AccessTokenAuthentication.SchemeName)
            .RequireAuthenticatedUser()
            .RequireClaim(AccessTokenAuthentication.ScopeClaim, AccessTokenScopes.InsightsRead)
            .RequireRole(CapabilityTable.Of(AccessTokenScopes.CapabilityOf(AccessTokenScopes.InsightsRead)).AnyRoles));
        services.AddRateLimiter(o => o.AddPolicy<string, ApiRateLimitPolicy>(ApiRateLimitPolicy.Name));
        // Enums travel as their names ("Critical"), in the responses and in the OpenAPI document.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath is { } path
                && (path.StartsWith("api/incidents", StringComparison.Ordinal) || path.StartsWith("api/insights", StringComparison.Ordinal));
            o.AddDocumentTransformer<BearerSecurityScheme>();
        });
        return services;
    }

    public static WebApplication MapReadApiReference(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        // Scalar's scripts are embedded in the package and served under this path; its one inline script carries this
        // request's CSP nonce, so the portal's policy applies unchanged. No web fonts from its CDN.
        app.MapScalarApiReference(ReferencePath, (o, http) => o
                .WithTitle("CrmGovernance read API")
                .WithOpenApiRoutePattern(DocumentPath)
                .DisableDefaultFonts()
                .WithNonce(SecurityHeaders.NonceOf(http)))
            .AllowAnonymous();
        return app;
    }
}
