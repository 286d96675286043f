using System.ComponentModel.DataAnnotations;
using CrmGovernance.Core.Access;

namespace CrmGovernance.Core.Features.Users;

/// <summary>
/// What an admin (or the first-run setup) enters to create a user. The messages name the fields as the forms label them
/// ("Display name"), never the property names the attributes would use by default.
/// </summary>
public sealed class NewUser
{
    [Required(ErrorMessage = "Enter the user's email address.")]
    [EmailAddress(ErrorMessage = "Email: this is not an email address; write it as name@example.com.")]
    [StringLength(256, ErrorMessage = "Email: at most {1} characters.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Enter a display name: how the user appears in the portal and the audit log.")]
    [StringLength(200, ErrorMessage = "Display name: at most {1} characters.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Enter an initial password.")]
    [StringLength(PasswordPolicyValidator.MaximumLength, MinimumLength = PasswordPolicyValidator.MinimumLength,
        ErrorMessage = "Password: between {2} and {1} characters.")]
    public string Password { get; set; } = "";

    public HashSet<string> Roles { get; set; } = [];
}
