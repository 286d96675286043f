using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using CrmGovernance.Core.Features.Matching.ReviewQueue;
namespace CrmGovernance.Core.Features.Stewardship.Review;

public static class ReviewServices
{
    /// <summary>The review queue: filing pairs, the list and its decisions, merges and unmerges, and its metrics.</summary>
    public static IServiceCollection AddReviewQueue(this IServiceCollection services)
    {
        // The worker's match index registers the writer too; one registration is enough.
        services.TryAddScoped<ReviewQueueWriter>();
        services.TryAddScoped<RecordNames>();
        services.AddScoped<ReviewQueueService>();
        services.AddScoped<ReviewDecisions>();
        services.AddScoped<ReviewComparisonService>();
        services.AddScoped<MergeService>();
        services.AddScoped<HeldChangeService>();
        services.AddScoped<UnmergeService>();
        services.AddScoped<BulkMerger>();
        services.AddScoped<ReviewMetricsService>();
        return services;
    }
}
