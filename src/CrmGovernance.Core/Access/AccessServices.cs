using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Access;

public static class AccessServices
{
    /// <summary>Who acts in a scope (set by the portal's circuit or request, the command line, or a job).</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services) => services.AddScoped<ActorContext>();
}
