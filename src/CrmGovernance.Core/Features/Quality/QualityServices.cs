using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Quality.Fields;
using CrmGovernance.Core.Features.Quality.KnownIssues;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Quality;

public static class QualityServices
{
    /// <summary>
    /// Data quality: the assessment runner (a hosted background queue), its executor, and the services behind the Data
    /// quality pages (assessments, known issues) and Field rationalisation (usage, flags, retirements, the Excel export).
    /// </summary>
    public static IServiceCollection AddQuality(this IServiceCollection services)
    {
        services.AddSingleton<AssessmentRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<AssessmentRunner>());
        services.AddScoped<AssessmentExecutor>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<KnownIssueService>();
        services.AddScoped<FieldRationalisationService>();
        services.AddScoped<FieldRetirementService>();
        services.AddScoped<FieldRationalisationWorkbook>();
        return services;
    }
}
