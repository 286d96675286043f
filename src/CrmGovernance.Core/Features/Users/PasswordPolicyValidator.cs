using Microsoft.AspNetCore.Identity;

namespace CrmGovernance.Core.Features.Users;

/// <summary>
/// OWASP ASVS 5.0 password policy: length (12 to 128, set in <see cref="IdentityOptions"/>), no composition
/// rules, and no common or easily guessed passwords: zxcvbn's dictionaries of common passwords, names and words,
/// plus the user's own email and name, must leave a guess score of at least 3 of 4.
/// </summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<ApplicationUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;
    public const int MinimumScore = 3;

    /// <summary>Identity's own rules reduced to the minimum length: no composition rules (ASVS 5.0).</summary>
    public static void Configure(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password) =>
        Task.FromResult(Validate(password, user.Email, user.DisplayName));

    public static IdentityResult Validate(string? password, params string?[] personalWords)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinimumLength)
        {
            return Fail("PasswordTooShort", $"Passwords must be at least {MinimumLength} characters long.");
        }
        if (password.Length > MaximumLength)
        {
            return Fail("PasswordTooLong", $"Passwords must be at most {MaximumLength} characters long.");
        }

        var words = personalWords.Where(w => !string.IsNullOrWhiteSpace(w))
            .SelectMany(w => w!.Split(['@', '.', ' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Append("crmgovernance").Append("crm").Append("governance")
            .ToList();
        if (Zxcvbn.Zxcvbn.MatchPassword(password, words).Score >= MinimumScore)
        {
            return IdentityResult.Success;
        }

        var personal = words.Any(w => w.Length >= 3 && password.Contains(w, StringComparison.OrdinalIgnoreCase))
            ? " It contains your name, your email or the product's name."
            : " It is a common password or follows a common pattern.";
        return Fail("PasswordTooGuessable",
            $"This password is too easy to guess.{personal} Use a longer phrase of unrelated words; no special characters are required.");
    }

    private static IdentityResult Fail(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
