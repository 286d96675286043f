using CrmGovernance.Core.Features.ChangeControl.Import;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.ChangeControl;

public static class ChangeControlServices
{
    /// <summary>Change requests, their review and publishing, versions, and every service that drafts changes (editors, imports).</summary>
    public static IServiceCollection AddChangeControl(this IServiceCollection services) => services
        .AddSingleton<PublishedConfiguration>()
        .AddScoped<ChangeRequestService>()
        .AddScoped<ChangeRequestDrafts>()
        .AddScoped<ChangeRequestReview>()
        .AddScoped<VersionHistoryService>()
        .AddScoped<GovernanceReader>()
        .AddScoped<ConnectedSystemEditor>()
        .AddScoped<ConfigurationImportService>()
        .AddScoped<MappingWorkbookService>();
}
