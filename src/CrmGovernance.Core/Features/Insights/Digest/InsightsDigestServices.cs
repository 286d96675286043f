using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CrmGovernance.Core.Features.Insights.Digest;

public static class InsightsDigestServices
{
    /// <summary>The weekly digest's composition, its queueing into the notification outbox and its Quartz job.</summary>
    public static IServiceCollection AddInsightsDigest(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<InsightsDigestOptions>().Bind(host.Configuration.GetSection(InsightsDigestOptions.Section))
            .Validate(o => CronExpression.TryParse(o.Cron, out _), "Insights:Digest:Cron is not a valid Quartz cron expression.")
            .ValidateOnStart();
        services.AddSingleton<WeeklyDigestComposer>();
        services.AddSingleton<WeeklyDigest>();
        var cron = host.Configuration.GetSection(InsightsDigestOptions.Section).Get<InsightsDigestOptions>()?.Cron ?? new InsightsDigestOptions().Cron;
        services.AddScheduledJob(Job(cron));
        return services;
    }

    private static ScheduledJob Job(string cron) => ScheduledJob.Cron<InsightsDigestJob>("managers' weekly insights digest", InsightsDigestJob.Key,
        InsightsDigestJob.Trigger, "Emails each manager last week's figures against the week before", cron);
}
