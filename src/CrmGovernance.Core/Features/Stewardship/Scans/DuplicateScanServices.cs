using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

public static class DuplicateScanServices
{
    /// <summary>The scan runner (a hosted background queue), the scan executor and the services behind the duplicate scans page.</summary>
    public static IServiceCollection AddDuplicateScans(this IServiceCollection services)
    {
        services.AddSingleton<DuplicateScanRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<DuplicateScanRunner>());
        services.AddScoped<DuplicateScanExecutor>();
        services.AddScoped<DuplicateScanService>();
        services.AddScoped<DuplicateScanFeeder>();
        return services;
    }
}
