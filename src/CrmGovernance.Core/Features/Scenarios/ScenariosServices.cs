using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Scenarios.Gate;
using CrmGovernance.Core.Features.Scenarios.SignOffs;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Scenarios;

public static class ScenariosServices
{
    /// <summary>Scenario suites and the sandbox, the change-control checks (scenarios, sign-off), capture from real records.</summary>
    public static IServiceCollection AddScenarios(this IServiceCollection services) => services
        .AddScoped<ScenarioService>()
        .AddScoped<ScenarioCapture>()
        .AddScoped<ScenarioGate>()
        .AddScoped<IChangeRequestCheck>(sp => sp.GetRequiredService<ScenarioGate>())
        .AddScoped<SignOffGate>()
        .AddScoped<IChangeRequestCheck>(sp => sp.GetRequiredService<SignOffGate>())
        .AddScoped<SignOffService>()
        .AddScoped<ChangeRequestScenarios>();
}
