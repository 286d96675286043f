using System.Globalization;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// Reports the last audit-chain verification (incremental every few minutes, whole every night) and, checked now, the
/// append-only triggers. A broken chain or a missing trigger degrades health; it does not stop service.
/// </summary>
internal sealed class AuditChainHealthCheck(AuditVerificationService verification, AuditTriggerCheck triggers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var triggerProblem = await triggers.ProblemAsync(cancellationToken);
        var last = await verification.LatestAsync(cancellationToken);
        var data = new Dictionary<string, object> { ["triggers"] = triggerProblem is null ? "in place" : "tampered" };
        if (last is null)
        {
            data["lastVerifiedUtc"] = "never";
            return triggerProblem is null
                ? HealthCheckResult.Healthy("Not verified yet.", data)
                : HealthCheckResult.Degraded(triggerProblem, data: data);
        }
        data["lastVerifiedUtc"] = last.CompletedUtc.ToString("O", CultureInfo.InvariantCulture);
        data["lastVerification"] = last.Trigger;
        data["rowsChecked"] = last.RowsChecked;
        data["headSequence"] = last.HeadSequence;
        data["intact"] = last.IsIntact;
        if (last.FirstBrokenSequence is { } broken)
        {
            data["firstBrokenRow"] = broken;
        }
        if (triggerProblem is not null)
        {
            return HealthCheckResult.Degraded(triggerProblem, data: data);
        }
        return last.IsIntact
            ? HealthCheckResult.Healthy("Audit chain intact.", data)
            : HealthCheckResult.Degraded($"Audit chain broken: {last.Problem} See the audit page for details.", data: data);
    }
}
