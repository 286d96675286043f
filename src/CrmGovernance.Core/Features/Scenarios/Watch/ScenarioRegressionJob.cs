using CrmGovernance.Core.Access;
using Microsoft.Extensions.Logging;
using Quartz;

namespace CrmGovernance.Core.Features.Scenarios.Watch;

/// <summary>Scenarios:RegressionSchedule (UTC, nightly by default): <see cref="ScenarioRegression"/>, as the portal itself.</summary>
[DisallowConcurrentExecution]
public sealed partial class ScenarioRegressionJob(ScenarioRegression regression, ActorContext actor, ILogger<ScenarioRegressionJob> logger) : IJob
{
    public static readonly JobKey Key = new("scenario-regression", "scenarios");
    public static readonly TriggerKey Trigger = new("scenario-regression-cron", "scenarios");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        actor.SetSystem("scenario regression", context.FireInstanceId);
        var failing = await regression.RunAsync(cancellationToken);
        LogRound(logger, failing.Count == 0 ? "none" : string.Join(", ", failing));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly scenarios: flows with failing scenarios: {Failing}")]
    private static partial void LogRound(ILogger logger, string failing);
}
