using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Quality.Assessments;

public static class AssessmentServices
{
    /// <summary>The assessment runner (a hosted background queue), its executor and the service behind the Data quality pages.</summary>
    public static IServiceCollection AddAssessments(this IServiceCollection services)
    {
        services.AddSingleton<AssessmentRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<AssessmentRunner>());
        services.AddScoped<AssessmentExecutor>();
        services.AddScoped<AssessmentService>();
        return services;
    }
}
