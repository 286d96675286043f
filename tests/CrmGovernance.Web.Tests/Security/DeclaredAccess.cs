using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Routing;

namespace CrmGovernance.Web.Tests.Security;

/// <summary>Reads who may use an endpoint from the authorization metadata the app gave it.</summary>
public static class DeclaredAccess
{
    public static async Task<Access?> OfAsync(RouteEndpoint endpoint, IAuthorizationPolicyProvider policies)
    {
        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return Access.Anonymous;
        }
        var authorize = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>();
        if (authorize.Count == 0)
        {
            return null;
        }
        var policy = await AuthorizationPolicy.CombineAsync(policies, authorize);
        var roles = policy!.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).ToArray();
        return roles.Length == 0 ? Access.AnyUser : Access.RolesOnly(roles);
    }
}
