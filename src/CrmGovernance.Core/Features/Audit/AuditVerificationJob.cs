using CrmGovernance.Core.Access;
using Quartz;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>Nightly (cron from configuration) walk over the audit chain; also started on demand from the audit page.</summary>
[DisallowConcurrentExecution]
public sealed class AuditVerificationJob(AuditVerificationService verification, ActorContext actor) : IJob
{
    public static readonly JobKey Key = new("audit-chain-verification", "audit");
    public const string TriggeredByKey = "triggeredBy";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        actor.SetSystem("audit-verification", context.FireInstanceId);
        var trigger = context.MergedJobDataMap.TryGetString(TriggeredByKey, out var by) && by is not null
            ? "on demand by " + by
            : "schedule";
        await verification.VerifyAndRecordAsync(trigger, cancellationToken);
    }
}
