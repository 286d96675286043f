using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using CrmGovernance.Core.Features.Matching.ReviewQueue;
namespace CrmGovernance.Core.Features.Matching.Store;

public static class MatchIndexServices
{
    /// <summary>The stored match index of target records and this process's in-memory copy of it.</summary>
    public static IServiceCollection AddMatchIndex(this IServiceCollection services)
    {
        services.AddSingleton<MatchIndexCache>();
        services.AddScoped<MatchIndexStore>();
        // The worker files review-band pairs; the review queue's own registration may come first.
        services.TryAddScoped<ReviewQueueWriter>();
        return services;
    }
}
