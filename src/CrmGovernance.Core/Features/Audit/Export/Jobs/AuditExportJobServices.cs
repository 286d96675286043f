using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Audit.Export.Jobs;

public static class AuditExportJobServices
{
    /// <summary>The export runner (a hosted background queue), its retention sweep and the service behind the audit page's exports.</summary>
    public static IServiceCollection AddAuditExportJobs(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        services.AddOptions<AuditExportJobOptions>().Bind(configuration.GetSection(AuditExportJobOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(new AuditExportFiles(dataFolder));
        services.AddSingleton<AuditExportRetention>();
        services.AddSingleton<AuditExportRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditExportRunner>());
        services.AddScoped<AuditExportExecutor>();
        services.AddScoped<AuditExportService>();
        return services;
    }
}
