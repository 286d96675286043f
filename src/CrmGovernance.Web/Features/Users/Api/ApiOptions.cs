using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Web.Features.Users.Api;

/// <summary>The read API's rate limit, per access token (section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests each token may make per second, on average.</summary>
    [Range(1, 10_000)]
    public int PermitsPerSecond { get; set; } = 10;

    /// <summary>Requests a token may make at once before the per-second rate applies.</summary>
    [Range(1, 100_000)]
    public int Burst { get; set; } = 50;
}
