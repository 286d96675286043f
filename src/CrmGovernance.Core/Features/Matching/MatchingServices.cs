using CrmGovernance.Core.Features.Matching.ReviewQueue;
using CrmGovernance.Core.Features.Matching.Store;
using CrmGovernance.Core.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Matching;

public static class MatchingServices
{
    /// <summary>The stored match index of target records, this process's copy of it, and the writer that files review-band pairs.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services) => services
        .AddSingleton<MatchIndexCache>()
        .AddScoped<MatchIndexStore>()
        .AddScoped<ReviewQueueWriter>()
        .AddSingleton<IQueueDepthSource, ReviewQueueDepth>();
}
