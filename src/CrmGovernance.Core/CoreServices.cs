using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Quality;
using CrmGovernance.Core.Features.Scenarios;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.FirstRun;
using CrmGovernance.Core.Features.Incidents;
using CrmGovernance.Core.Features.Insights;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Notifications;
using CrmGovernance.Core.Features.Stewardship;
using CrmGovernance.Core.Features.Sync;
using CrmGovernance.Core.Features.Systems;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core.Hosting.Telemetry;
using CrmGovernance.Core.Scheduling;
using CrmGovernance.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core;

/// <summary>
/// The composition root of Core: one Add&lt;Feature&gt; per folder, in the dependency order of docs/architecture.md.
/// The portal, the command line and the tests call this with their <see cref="HostRole"/>.
/// </summary>
public static class CoreServices
{
    public static IServiceCollection AddCrmCore(this IServiceCollection services, IConfiguration configuration, string contentRoot, HostRole role)
    {
        var host = new CoreHost(configuration, contentRoot, role);
        services.AddSingleton(host);
        return services
            // Foundation. Data first: its initializer is the first hosted service (schema, then the features' startup steps).
            .AddData(host)
            .AddAccess()
            .AddOperationsEvents(host)
            .AddTelemetry(host)
            // Features, each after the ones it uses.
            .AddUsers()
            // Configuration is the model and its pure code (validation, diff, transforms): nothing to register.
            .AddSystems(host)
            .AddChangeControl()
            .AddMatching()
            .AddSync(host)
            .AddStewardship()
            .AddQuality(host)
            .AddAudit(host)
            .AddIncidents()
            .AddNotifications(host)
            .AddInsights(host)
            .AddScenarios(host)
            .AddFirstRun(host)
            // Last: it schedules the jobs the features declared (AddScheduledJob).
            .AddScheduling(host);
    }
}
