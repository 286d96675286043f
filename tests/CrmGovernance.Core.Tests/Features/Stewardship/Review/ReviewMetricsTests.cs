using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Stewardship.Review;

public sealed class ReviewMetricsTests
{
    [Fact]
    public async Task An_empty_queue_has_no_waiting_pairs_no_ages_and_no_decisions()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.ScopeAs("steward@example.com", Roles.Steward);

        var metrics = await scope.ServiceProvider.GetRequiredService<ReviewMetricsService>().MetricsAsync();

        Assert.Equal((0, 0), (metrics.Waiting, metrics.Deferred));
        Assert.Null(metrics.OldestWaiting);
        Assert.Null(metrics.MedianTimeToResolve);
        Assert.Empty(metrics.DecisionsPerSteward);
    }
}
