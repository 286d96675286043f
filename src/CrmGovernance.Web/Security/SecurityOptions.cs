using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Web.Security;

public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// How often a cookie request rebuilds its principal from the database (claims re-read, cookie re-issued).
    /// Ended sessions and removed roles do not wait for it: see <see cref="SessionCheckSeconds"/>.
    /// </summary>
    [Range(5, 600)]
    public int RevalidationSeconds { get; set; } = 30;

    /// <summary>
    /// How often an open page (a Blazor circuit) checks that its session still stands: a sign-out elsewhere, a password
    /// or two-factor change, a disabled account or a removed role reach open pages within this interval. Cookie
    /// requests make the same check on every request. One indexed read per open page per check.
    /// </summary>
    [Range(1, 60)]
    public int SessionCheckSeconds { get; set; } = 5;

    [Range(1, 20)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(1, 1440)]
    public int LockoutMinutes { get; set; } = 15;
}
