using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Web.Features.Users.Api;

/// <summary>
/// One token bucket per access token (Api:PermitsPerSecond, up to Api:Burst). It runs after authorization, so only
/// accepted tokens reach it; a refused one is answered before any database query beyond its own lookup.
/// Over the limit: 429 with Retry-After and a ProblemDetails body.
/// </summary>
internal sealed class ApiRateLimitPolicy(IOptions<ApiOptions> settings) : IRateLimiterPolicy<string>
{
    public const string Name = "api";

    private readonly TokenBucketRateLimiterOptions _bucket = new()
    {
        TokenLimit = settings.Value.Burst,
        TokensPerPeriod = settings.Value.PermitsPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => RejectAsync;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext) =>
        RateLimitPartition.GetTokenBucketLimiter(
            httpContext.User.FindFirstValue(AccessTokenAuthentication.TokenIdClaim) ?? "no-token", _ => _bucket);

    private async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 1;
        context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests",
            detail: string.Create(CultureInfo.InvariantCulture,
                $"A token may make {_bucket.TokensPerPeriod} requests per second, in bursts of up to {_bucket.TokenLimit}. Retry after {seconds} s."))
            .ExecuteAsync(context.HttpContext);
    }
}
