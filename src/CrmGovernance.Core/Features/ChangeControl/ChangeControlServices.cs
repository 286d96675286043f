using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.ChangeControl;

public static class ChangeControlServices
{
    /// <summary>Change requests, their review and publishing, versions, and every service that drafts changes (editors, imports).</summary>
    public static IServiceCollection AddChangeControl(this IServiceCollection services) => services
        .AddSingleton<PublishedConfiguration>()
        // Delivered only where the host delivers events (portal and worker nodes); harmless elsewhere.
        .AddSingleton<PublishedConfigurationFollower>()
        .AddSingleton<IOperationsEventSubscriber>(sp => sp.GetRequiredService<PublishedConfigurationFollower>())
        .AddScoped<ChangeRequestChecks>()
        .AddScoped<ChangeRequestService>()
        .AddScoped<ChangeRequestDrafts>()
        .AddScoped<ChangeRequestReview>()
        .AddScoped<VersionHistoryService>()
        .AddScoped<GovernanceReader>()
        .AddScoped<ConnectedSystemEditor>()
        .AddScoped<ConfigurationImportService>()
        .AddScoped<MappingWorkbookService>();
}
