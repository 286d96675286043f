using System.ComponentModel.DataAnnotations;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using Microsoft.Extensions.Http.Resilience;

namespace CrmGovernance.Core.Features.Systems.Connectors.Rest;

/// <summary>Resilience of the REST connectors' HTTP calls ("Sync:Http"). One circuit breaker per system.</summary>
public sealed class SyncHttpOptions
{
    public const string Section = "Sync:Http";

    /// <summary>One attempt's limit.</summary>
    [Range(0.01, 600)]
    public double AttemptTimeoutSeconds { get; set; } = 10;

    /// <summary>One call's limit, all retries included.</summary>
    [Range(0.02, 3600)]
    public double TotalTimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after the first attempt (timeouts, 408, 429, 5xx, connection errors), exponential with jitter; a Retry-After header wins.</summary>
    [Range(1, 20)]
    public int MaxRetries { get; set; } = 4;

    /// <summary>Base delay of the exponential back-off.</summary>
    [Range(0, 60)]
    public double RetryDelaySeconds { get; set; } = 1;

    /// <summary>The breaker opens when at least this share of the attempts in the sampling window failed…</summary>
    [Range(0.01, 1)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>…and the window holds at least this many attempts.</summary>
    [Range(2, 100_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    /// <summary>At least twice <see cref="AttemptTimeoutSeconds"/>.</summary>
    [Range(0.5, 3600)]
    public double BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>How long an open breaker refuses calls before letting one through to test the system.</summary>
    [Range(0.5, 3600)]
    public double BreakerBreakSeconds { get; set; } = 30;

    public bool IsConsistent(out string message)
    {
        message = TotalTimeoutSeconds < AttemptTimeoutSeconds
            ? "Sync:Http:TotalTimeoutSeconds must be at least AttemptTimeoutSeconds."
            : BreakerSamplingSeconds < 2 * AttemptTimeoutSeconds
                ? "Sync:Http:BreakerSamplingSeconds must be at least twice AttemptTimeoutSeconds."
                : "";
        return message.Length == 0;
    }

    internal void Apply(HttpStandardResilienceOptions options)
    {
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(AttemptTimeoutSeconds);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(TotalTimeoutSeconds);
        options.Retry.MaxRetryAttempts = MaxRetries;
        options.Retry.Delay = TimeSpan.FromSeconds(RetryDelaySeconds);
        options.Retry.UseJitter = true;
        options.Retry.ShouldRetryAfterHeader = true;
        options.CircuitBreaker.FailureRatio = BreakerFailureRatio;
        options.CircuitBreaker.MinimumThroughput = BreakerMinimumThroughput;
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(BreakerSamplingSeconds);
        options.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(BreakerBreakSeconds);
        // A refused address is a setting to fix: retrying it only delays the message, and it says nothing of the system's health.
        options.Retry.ShouldHandle = args => ValueTask.FromResult(
            OutboundRefusedException.Find(args.Outcome.Exception) is null && HttpClientResiliencePredicates.IsTransient(args.Outcome));
        options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(
            OutboundRefusedException.Find(args.Outcome.Exception) is null && HttpClientResiliencePredicates.IsTransient(args.Outcome));
    }
}
