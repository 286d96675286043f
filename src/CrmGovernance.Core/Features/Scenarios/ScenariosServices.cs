using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.SignOffs;
using CrmGovernance.Core.Features.Scenarios.Watch;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Scheduling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Scenarios;

public static class ScenariosServices
{
    /// <summary>
    /// Scenario suites and the sandbox, the change-control checks (scenarios, sign-off), capture from real records, the
    /// canary after a publish (a RunFinished subscriber) and the nightly regression (Scenarios:RegressionSchedule).
    /// </summary>
    public static IServiceCollection AddScenarios(this IServiceCollection services, CoreHost host)
    {
        services.AddOptions<ScenarioRegressionOptions>().Bind(host.Configuration.GetSection(ScenarioRegressionOptions.Section))
            .Validate(o => string.IsNullOrWhiteSpace(o.RegressionSchedule) || CronText.IsValid(o.RegressionSchedule),
                "Scenarios:RegressionSchedule is not a valid Quartz cron expression (e.g. \"0 30 2 * * ?\": every night at 02:30 UTC); leave it empty for no nightly run.")
            .ValidateOnStart();
        services
            .AddScoped<ScenarioService>()
            .AddScoped<ScenarioCapture>()
            .AddScoped<ScenarioGate>()
            .AddScoped<IChangeRequestCheck>(sp => sp.GetRequiredService<ScenarioGate>())
            .AddScoped<SignOffGate>()
            .AddScoped<IChangeRequestCheck>(sp => sp.GetRequiredService<SignOffGate>())
            .AddScoped<SignOffService>()
            .AddScoped<ChangeRequestScenarios>()
            .AddScoped<ScenarioRegression>()
            .AddSingleton<CanaryWatch>()
            .AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<CanaryWatch>());
        var schedule = host.Configuration.GetSection(ScenarioRegressionOptions.Section).Get<ScenarioRegressionOptions>()?.RegressionSchedule
            ?? new ScenarioRegressionOptions().RegressionSchedule;
        if (CronText.IsValid(schedule))
        {
            services.AddScheduledJob(Job(schedule!));
        }
        return services;
    }

    private static ScheduledJob Job(string cron) => ScheduledJob.Cron<ScenarioRegressionJob>("nightly scenario regression", ScenarioRegressionJob.Key,
        ScenarioRegressionJob.Trigger, "Runs every flow's scenarios against the published configuration", cron);
}
