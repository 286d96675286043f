using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CrmGovernance.Web.Features.Users.Api;

/// <summary>Describes the API's one way in, a personal access token as a bearer token, and asks for it on every operation.</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    private const string Name = "AccessToken";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "CrmGovernance read API";
        document.Info.Description = "Read incidents and the insights dashboard's figures with a personal access token (Profile, Access tokens). Send it as Authorization: Bearer crmg_…";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "crmg_<prefix>_<secret>",
            Description = "A personal access token with the incidents:read scope (for /api/incidents) or the insights:read scope (for /api/insights).",
        };
        var requirement = new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] };
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            operation.Security ??= [];
            operation.Security.Add(requirement);
        }
        return Task.CompletedTask;
    }
}
