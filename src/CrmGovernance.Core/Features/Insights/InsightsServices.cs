using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Insights.Baselines;
using CrmGovernance.Core.Features.Insights.Comparison;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Digest;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Insights.Exports;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Insights.Sources;
using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Insights;

public static class InsightsServices
{
    /// <summary>
    /// Insights: roll-ups kept by a subscriber to the operations events (nothing in the sync engine calls this feature),
    /// the rebuild from the ledger, and the dashboard, comparison, drill-down and baselines the pages and the API read.
    /// </summary>
    public static IServiceCollection AddInsights(this IServiceCollection services, CoreHost host)
    {
        services.AddSingleton<RollupWriter>();
        services.AddSingleton<VersionSnapshots>();
        services.AddSingleton<InsightsSubscriber>();
        services.AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<InsightsSubscriber>());
        services.AddScoped<InsightsRebuild>();
        services.AddScoped<InsightsDashboard>();
        services.AddScoped<InsightsComparison>();
        services.AddScoped<InsightsDrill>();
        services.AddScoped<BaselineService>();
        if (host.Role == HostRole.Portal && host.RunsWorker)
        {
            services.AddHostedService<InsightsBackfill>();
        }
        services.AddScoped<InsightsWorkbook>();
        services.AddInsightsDigest(host);
        return services;
    }
}
