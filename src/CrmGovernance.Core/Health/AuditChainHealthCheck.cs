using System.Globalization;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmGovernance.Core.Health;

/// <summary>Reports the last audit-chain verification. A broken chain degrades health; it does not stop service.</summary>
internal sealed class AuditChainHealthCheck(AuditVerificationService verification) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var last = await verification.LatestAsync(cancellationToken);
        if (last is null)
        {
            return HealthCheckResult.Healthy("Not verified yet.", new Dictionary<string, object> { ["lastVerifiedUtc"] = "never" });
        }
        var data = new Dictionary<string, object>
        {
            ["lastVerifiedUtc"] = last.CompletedUtc.ToString("O", CultureInfo.InvariantCulture),
            ["rowsChecked"] = last.RowsChecked,
            ["intact"] = last.IsIntact,
        };
        if (last.FirstBrokenSequence is { } broken)
        {
            data["firstBrokenRow"] = broken;
        }
        return last.IsIntact
            ? HealthCheckResult.Healthy("Audit chain intact.", data)
            : HealthCheckResult.Degraded("Audit chain broken: see the audit page for details.", data: data);
    }
}
