using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.FirstRun.Demo;
using CrmGovernance.Core.Features.Systems.Connectors.Files;
using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.FirstRun;

public static class FirstRunServices
{
    /// <summary>
    /// Setting up: the first Admin (setup page or configuration), the demo's users, configuration and live systems. Its
    /// startup steps run right after the schema is migrated, before any worker starts.
    /// </summary>
    public static IServiceCollection AddFirstRun(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<DemoOptions>().Bind(host.Configuration.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Bind(host.Configuration.GetSection(BootstrapOptions.Section));
        services.AddScoped<FirstRunService>();
        services.AddScoped<ConfigurationSeeder>();
        services.AddScoped<History.DemoHistory>();
        if (host.Node.Role != NodeRole.Worker)
        {
            // A worker-only node serves no one who could sign in: the portal nodes seed the first users and configuration.
            services.AddScoped<IStartupStep, FirstRunSeeding>();
        }
        services.AddSingleton<DemoPaths>();
        services.AddScoped<IStartupStep, DemoSystemsSeeder>();
        services.AddSingleton<IConnectorFileRoots, DemoFileRoots>();
        return services;
    }
}
