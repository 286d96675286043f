using CrmGovernance.Core.Access;
using Quartz;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Every few minutes (<c>Scheduler:AuditIncrementalVerifyMinutes</c>): verifies the rows added since the witness's latest
/// checkpoint, checks the triggers, and signs a new checkpoint. The nightly job still walks the whole chain.
/// </summary>
[DisallowConcurrentExecution]
public sealed class AuditIncrementalVerificationJob(AuditVerificationService verification, ActorContext actor) : IJob
{
    public static readonly JobKey Key = new("audit-chain-incremental-verification", "audit");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        actor.SetSystem("audit-verification", context.FireInstanceId);
        await verification.VerifyIncrementallyAsync(cancellationToken);
    }
}
