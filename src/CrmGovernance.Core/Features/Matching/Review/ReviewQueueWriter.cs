using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Matching.Review;

/// <summary>
/// Files candidate pairs in the review queue: a pair marked "not a duplicate" is never filed again, and a pair already
/// waiting (open or deferred) or merged is not filed twice.
/// </summary>
public sealed class ReviewQueueWriter(IDbContextFactory<CrmDbContext> contexts, TimeProvider time)
{
    /// <summary>Files the candidates and returns how many new review items were created.</summary>
    public Task<int> AddAsync(IReadOnlyList<ReviewCandidate> candidates, CancellationToken cancellationToken) =>
        throw new NotImplementedException($"{contexts}{time}{candidates.Count}{cancellationToken}");
}
