using CrmGovernance.Core.Features.Users.AccessTokens;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Users;

public static class UserServices
{
    /// <summary>User administration and the session state the portal revalidates, personal access tokens; Identity itself is the host's.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services) => services
        .AddScoped<UserAdminService>()
        .AddScoped<UserSessionStateReader>()
        .AddScoped<AccessTokenService>()
        .AddScoped<AccessTokenValidator>();
}
