using Microsoft.AspNetCore.Identity;

namespace CrmGovernance.Core.Features.Users;

/// <summary>A person who signs in to the portal. Roles come from <see cref="Roles"/>.</summary>
public class ApplicationUser : IdentityUser
{
    [PersonalData]
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled user cannot sign in, and open sessions end at their next request (open pages within seconds).</summary>
    public bool IsDisabled { get; set; }

    public DateTime CreatedUtc { get; set; }
}
