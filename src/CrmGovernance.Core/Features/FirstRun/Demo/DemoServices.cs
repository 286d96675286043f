using Microsoft.Extensions.DependencyInjection;

using CrmGovernance.Core.Features.Systems.Connectors.Files;
namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>The live demo's systems; everything here does nothing unless Demo:Enabled and Demo:Live.</summary>
public static class DemoServices
{
    /// <summary>Creates the demo systems' missing databases at start: register right after the database initialiser, before the scheduler.</summary>
    public static IServiceCollection AddDemoSystems(this IServiceCollection services)
    {
        services.AddSingleton<DemoPaths>();
        services.AddSingleton<IConnectorFileRoots, DemoFileRoots>();
        services.AddHostedService<DemoSystemsSeeder>();
        return services;
    }

    /// <summary>Keeps the demo's shop and CRM changing in the background: for the portal only, not for the command line.</summary>
    public static IServiceCollection AddDemoActivity(this IServiceCollection services) => services.AddHostedService<DemoSystemsFeeder>();
}
