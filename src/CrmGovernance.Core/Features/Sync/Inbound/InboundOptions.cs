using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>Limits of the inbound webhook endpoint (section "Inbound").</summary>
public sealed class InboundOptions
{
    public const string Section = "Inbound";

    /// <summary>Largest body accepted into the inbox; a larger one is answered 413 and kept in the error queue.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How much of a refused body the error queue keeps; the rest is cut off and the reason says so.</summary>
    [Range(1, 64 * 1024 * 1024)]
    public int MaxStoredBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Requests per second each key may make on average (token bucket refilled every second).</summary>
    [Range(1, 10_000_000)]
    public int PermitsPerSecond { get; set; } = 50;

    /// <summary>Requests a key may make at once before the rate applies.</summary>
    [Range(1, 10_000_000)]
    public int Burst { get; set; } = 100;

    /// <summary>How often the key cache re-reads the keys, so keys issued or revoked by another process take effect.</summary>
    [Range(1, 3600)]
    public int KeyRefreshSeconds { get; set; } = 30;

    /// <summary>Most payloads the inbox writer commits in one transaction.</summary>
    [Range(1, 10_000)]
    public int MaxBatchSize { get; set; } = 500;
}
