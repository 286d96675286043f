using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Stewardship.Review;

public static class ReviewServices
{
    /// <summary>The review queue: the list and its decisions, merges and unmerges, held changes, and its metrics.</summary>
    public static IServiceCollection AddReviewQueue(this IServiceCollection services)
    {
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
