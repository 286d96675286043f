using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Quality.Assessments;
using CrmGovernance.Core.Features.Quality.Fields;
using CrmGovernance.Core.Features.Quality.KnownIssues;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Quality;

public static class QualityServices
{
    /// <summary>
    /// Data quality: the assessment runner (a hosted background queue), its executor, the services behind the Data
    /// quality pages (assessments, known issues) and Field rationalisation (usage, flags, retirements, the Excel export),
    /// and the assessments on a schedule (Quality:Assessments:Schedule).
    /// </summary>
    public static IServiceCollection AddQuality(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<AssessmentScheduleOptions>().Bind(host.Configuration.GetSection(AssessmentScheduleOptions.Section))
            .Validate(o => !o.Scheduled || CronText.IsValid(o.Schedule),
                "Quality:Assessments:Schedule is not a valid Quartz cron expression (e.g. \"0 0 5 ? * SUN\": Sundays at 05:00 UTC); leave it empty for no scheduled assessments.")
            .Validate(o => PhoneRegions.IsKnown(o.Region),
                "Quality:Assessments:Region is not a two-letter ISO 3166 country code (e.g. GB; the United Kingdom is GB, not UK).")
            .Validate(o => o.StaleMonths is >= 1 and <= AssessmentService.MaxStaleMonths,
                $"Quality:Assessments:StaleMonths must be a number of months from 1 to {AssessmentService.MaxStaleMonths}.")
            .ValidateOnStart();
        services.AddSingleton<AssessmentRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<AssessmentRunner>());
        services.AddScoped<AssessmentExecutor>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<AssessmentTrends>();
        services.AddScoped<KnownIssueService>();
        services.AddScoped<FieldRationalisationService>();
        services.AddScoped<FieldRetirementService>();
        services.AddScoped<FieldRationalisationWorkbook>();
        var schedule = host.Configuration.GetSection(AssessmentScheduleOptions.Section).Get<AssessmentScheduleOptions>()?.Schedule;
        // No schedule, no job; an invalid one is refused at start by the check above, with its message.
        if (CronText.IsValid(schedule))
        {
            services.AddScheduledJob(Job(schedule!));
        }
        return services;
    }

    private static ScheduledJob Job(string cron) => ScheduledJob.Cron<AssessmentScheduleJob>("scheduled data-quality assessments", AssessmentScheduleJob.Key,
        AssessmentScheduleJob.Trigger, "Queues an assessment of every system's object the portal can read", cron);
}
