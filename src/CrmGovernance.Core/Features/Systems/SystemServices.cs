using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Systems;

public static class SystemServices
{
    /// <summary>Systems' encrypted settings and the connectors that reach them, with what they may reach.</summary>
    public static IServiceCollection AddSystems(this IServiceCollection services, CoreHost host) => services
        .AddSingleton<SecretProtector>()
        .AddSystemConnectors(host.Configuration);
}
