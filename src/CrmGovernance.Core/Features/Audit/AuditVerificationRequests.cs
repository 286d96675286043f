using CrmGovernance.Core.Access;
using Quartz;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>Starts the verification job now, on behalf of an Admin or Auditor.</summary>
public sealed class AuditVerificationRequests(ISchedulerFactory schedulers, ActorContext actor)
{
    public async Task RequestAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReadAudit);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(AuditVerificationJob.Key, new JobDataMap { [AuditVerificationJob.TriggeredByKey] = actor.Name }, cancellationToken);
    }
}
