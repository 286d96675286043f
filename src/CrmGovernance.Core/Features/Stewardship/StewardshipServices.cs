using CrmGovernance.Core.Features.Stewardship.Review;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Stewardship;

public static class StewardshipServices
{
    /// <summary>The review queue's decisions (merge, not a duplicate, unmerge, held changes) and the duplicate scans.</summary>
    public static IServiceCollection AddStewardship(this IServiceCollection services) => services
        .AddScoped<RecordNames>()
        .AddReviewQueue()
        .AddDuplicateScans();
}
