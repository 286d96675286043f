namespace CrmGovernance.Core.Features.Scenarios.Watch;

/// <summary>Scenarios:RegressionSchedule: when every flow's scenarios run against the published configuration (Quartz cron, UTC; empty: never).</summary>
public sealed class ScenarioRegressionOptions
{
    public const string Section = "Scenarios";

    public string? RegressionSchedule { get; set; } = "0 30 2 * * ?";
}
