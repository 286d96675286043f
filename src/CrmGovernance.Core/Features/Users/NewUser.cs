using System.ComponentModel.DataAnnotations;

namespace CrmGovernance.Core.Features.Users;

/// <summary>What an admin (or the first-run setup) enters to create a user.</summary>
public sealed class NewUser
{
    [Required, EmailAddress, StringLength(256)]
    public string Email { get; set; } = "";

    [Required, StringLength(200)]
    public string DisplayName { get; set; } = "";

    [Required, StringLength(PasswordPolicyValidator.MaximumLength, MinimumLength = PasswordPolicyValidator.MinimumLength)]
    public string Password { get; set; } = "";

    public HashSet<string> Roles { get; set; } = [];
}
