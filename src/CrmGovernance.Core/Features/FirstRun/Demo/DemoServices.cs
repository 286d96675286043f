using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>The live demo's systems; everything here does nothing unless Demo:Enabled and Demo:Live.</summary>
public static class DemoServices
{
    /// <summary>Keeps the demo's shop and CRM changing in the background: for the portal only, not for the command line.</summary>
    public static IServiceCollection AddDemoActivity(this IServiceCollection services)
    {
        services.AddSingleton<DemoTimetable>();
        services.AddHostedService<DemoSystemsFeeder>();
        return services.AddHostedService<DemoOutages>();
    }
}
