using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace CrmGovernance.Core.Scheduling;

internal sealed class SchedulerHealthCheck(ISchedulerFactory factory, CoreHost host, SchedulerStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["node"] = host.Node.EffectiveName, ["role"] = host.Node.Role.ToString(), ["clustered"] = store.Clustered };
        if (!host.RunsWorker)
        {
            // A portal-only node writes to the shared store but fires nothing: the worker nodes do.
            data["status"] = "NotRunHere";
            return HealthCheckResult.Healthy("No scheduler runs on this node (Node:Role is Portal); the worker nodes run the jobs.", data);
        }
        try
        {
            var scheduler = await factory.GetScheduler(cancellationToken);
            data["name"] = scheduler.SchedulerName;
            data["instance"] = scheduler.SchedulerInstanceId;
            var status = scheduler.Status;
            data["status"] = status.ToString();
            return status == SchedulerStatus.Running
                ? HealthCheckResult.Healthy("Scheduler running.", data)
                : HealthCheckResult.Unhealthy("Scheduler is not running.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("Scheduler unavailable.", ex, data);
        }
    }
}
