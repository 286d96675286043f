using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Incidents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CrmGovernance.Core.Tests.Features.Incidents;

public sealed class IncidentMetricsTests
{
    private static readonly DateTime Start = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Figures_of_a_period_count_causes_severities_breaches_and_expiries_and_rank_the_times()
    {
        await using var host = await CoreTestHost.StartAsync();
        await SeedAsync(host, Enumerable.Range(1, 10).Select(n => Incident(n, IncidentCause.RunFailed, IncidentSeverity.High, i =>
        {
            // Acknowledged after 1 … 10 hours; the first four resolved after 2, 4, 6, 8 hours; the next two expired.
            i.AcknowledgedUtc = i.OpenedUtc.AddHours(n);
            if (n <= 4)
            {
                i.State = IncidentState.Resolved;
                i.Ending = IncidentEnding.Resolved;
                i.ResolvedUtc = i.OpenedUtc.AddHours(2 * n);
            }
            else if (n <= 6)
            {
                i.State = IncidentState.Closed;
                i.Ending = IncidentEnding.Expired;
            }
            i.AcknowledgeBreached = n > 8;
        })).Append(Incident(11, IncidentCause.Reported, IncidentSeverity.Critical, i => { i.OwnershipGap = true; i.ResolveBreached = true; }))
           // Outside the period: counted only as an ownership gap now.
           .Append(Incident(40, IncidentCause.VolumeDrop, IncidentSeverity.Low, i => i.OwnershipGap = true)));

        await using var scope = host.ScopeAs("manager@example.com", Roles.Manager);
        var figures = await scope.ServiceProvider.GetRequiredService<IncidentMetrics>().FiguresAsync(Start, Start.AddDays(30));

        Assert.Equal(11, figures.Opened);
        Assert.Equal(10, figures.ByCause[IncidentCause.RunFailed]);
        Assert.Equal(1, figures.ByCause[IncidentCause.Reported]);
        Assert.Equal(1, figures.BySeverity[IncidentSeverity.Critical]);
        Assert.Equal(5.5, figures.MeanHoursToAcknowledge!.Value, 6);
        Assert.Equal(9, figures.P90HoursToAcknowledge!.Value, 6);
        Assert.Equal(5, figures.MeanHoursToResolve!.Value, 6);
        Assert.Equal(8, figures.P90HoursToResolve!.Value, 6);
        Assert.Equal(2, figures.AcknowledgeBreaches);
        Assert.Equal(1, figures.ResolveBreaches);
        Assert.Equal(6, figures.Ended);
        Assert.Equal(2, figures.Expired);
        Assert.Equal(2.0 / 6, figures.ExpiredShare!.Value, 6);
        Assert.Equal(2, figures.OwnershipGapsNow);
    }

    [Fact]
    public async Task Figures_need_a_signed_in_user()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope(a => a.SetUser(null, null, [], AuditSources.Ui));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => scope.ServiceProvider.GetRequiredService<IncidentMetrics>().FiguresAsync(Start, Start.AddDays(1)));
    }

    [Fact]
    public async Task Health_is_degraded_while_a_critical_incident_is_open()
    {
        await using var host = await CoreTestHost.StartAsync();
        Assert.Equal(HealthStatus.Healthy, (await CheckAsync(host)).Status);
        await SeedAsync(host, [Incident(1, IncidentCause.AuditChainBroken, IncidentSeverity.Critical, _ => { }),
            Incident(2, IncidentCause.RunFailed, IncidentSeverity.Critical, i => { i.State = IncidentState.Resolved; i.Ending = IncidentEnding.Resolved; })]);

        var entry = await CheckAsync(host);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal(1, entry.Data["criticalActive"]);
        Assert.StartsWith("1 critical incident is open", entry.Description, StringComparison.Ordinal);
    }

    private static async Task<HealthReportEntry> CheckAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        var report = await scope.ServiceProvider.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "incidents");
        return report.Entries["incidents"];
    }

    private static Incident Incident(int n, IncidentCause cause, IncidentSeverity severity, Action<Incident> shape)
    {
        var opened = Start.AddDays(n % 30).AddHours(n);
        var incident = new Incident
        {
            FoldKey = $"{cause}:test:{n}", Cause = cause, Severity = severity, State = IncidentState.Open, Title = $"Incident {n}",
            FirstSeenUtc = opened, LastSeenUtc = opened, OpenedUtc = n >= 40 ? Start.AddDays(-10) : opened,
            AcknowledgeDueUtc = opened.AddHours(1), ResolveDueUtc = opened.AddDays(1),
        };
        shape(incident);
        return incident;
    }

    private static async Task SeedAsync(CoreTestHost host, IEnumerable<Incident> incidents)
    {
        await using var scope = host.Scope(a => a.SetSystem("test-seed", null));
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        db.AddRange(incidents);
        await db.SaveChangesAsync();
    }
}
