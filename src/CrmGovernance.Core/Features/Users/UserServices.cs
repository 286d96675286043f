using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Users;

public static class UserServices
{
    /// <summary>User administration and the session state the portal revalidates; Identity itself is the host's.</summary>
    public static IServiceCollection AddUsers(this IServiceCollection services) => services
        .AddScoped<UserAdminService>()
        .AddScoped<UserSessionStateReader>();
}
