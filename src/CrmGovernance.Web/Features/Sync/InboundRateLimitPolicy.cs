using System.Globalization;
using System.Threading.RateLimiting;
using CrmGovernance.Core.Features.Sync.Inbound;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Features.Sync;

/// <summary>
/// One token bucket per inbound key (Inbound:PermitsPerSecond, refilled every second, up to Inbound:Burst).
/// Requests with an unknown or no key share one bucket, so guessing keys cannot create buckets without end.
/// Over the limit: 429 with Retry-After and a ProblemDetails body; nothing is stored.
/// </summary>
internal sealed class InboundRateLimitPolicy(InboundKeyCache keys, IOptions<InboundOptions> settings) : IRateLimiterPolicy<string>
{
    public const string Name = "inbound";

    private readonly TokenBucketRateLimiterOptions _bucket = new()
    {
        TokenLimit = settings.Value.Burst,
        TokensPerPeriod = settings.Value.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var hash = PresentedKey.HashOf(httpContext);
        var partition = hash is null ? "no-key"
            : keys.TryFind(hash) is { } key ? key.Prefix
            : keys.IsLoaded ? "unknown-key"
            : hash;
        return RateLimitPartition.GetTokenBucketLimiter(partition, _ => _bucket);
    }

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: string.Create(CultureInfo.InvariantCulture,
                $"This key may send {_bucket.TokensPerPeriod} requests per second, in bursts of up to {_bucket.TokenLimit}. Retry after {seconds} s; this request was not stored."))
            .ExecuteAsync(http);
    }
}
