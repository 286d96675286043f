using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CrmGovernance.Core.Scheduling;

internal sealed class SchedulerHealthCheck(ISchedulerFactory factory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            var data = new Dictionary<string, object> { ["name"] = scheduler.SchedulerName };
            var status = scheduler.Status;
            data["status"] = status.ToString();
            return status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy("Scheduler running.", data)
                : HealthCheckResult.Unhealthy("Scheduler is not running.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Scheduler unavailable.", ex);
        }
    }
}
