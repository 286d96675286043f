using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// Critical incidents open or acknowledged degrade health (still HTTP 200: the portal works, something it watches does
/// not), with their count, so a monitor that reads only /health sees them.
/// </summary>
internal sealed class IncidentHealthCheck(IDbContextFactory<CrmDbContext> contexts) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = db.Set<Incident>().AsNoTracking().Where(i => i.State == IncidentState.Open || i.State == IncidentState.Acknowledged);
        var critical = await active.CountAsync(i => i.Severity == IncidentSeverity.Critical, cancellationToken);
        var data = new Dictionary<string, object>
        {
            ["criticalActive"] = critical,
            ["active"] = await active.CountAsync(cancellationToken),
        };
        return critical == 0
            ? HealthCheckResult.Healthy("No critical incident is open.", data)
            : HealthCheckResult.Degraded($"{critical} critical incident{(critical == 1 ? " is" : "s are")} open. See /incidents.", data: data);
    }
}
