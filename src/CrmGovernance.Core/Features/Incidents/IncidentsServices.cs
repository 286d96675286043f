using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Incidents;

public static class IncidentsServices
{
    /// <summary>
    /// Incidents: the recorder every trigger hands occurrences to, the queries for pages and the read API. Triggers
    /// subscribe to operations events; nothing in the sync engine calls this feature.
    /// </summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.AddSingleton<IncidentRecorder>();
        services.AddScoped<IncidentQueries>();
        // Working incidents, their figures and health (issue 15 points 3-5, 9).
        services.AddScoped<IncidentService>();
        services.AddScoped<IncidentMetrics>();
        services.AddHealthChecks().AddCheck<IncidentHealthCheck>("incidents");
        return services;
    }
}
