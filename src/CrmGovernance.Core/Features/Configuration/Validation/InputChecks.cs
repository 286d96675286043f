using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>
/// Checks of one value as a person types it into a form, worded with the label they see. Each returns the message to
/// show under the field, or null when the value is fine; an empty value is fine unless the check is <see cref="Required"/>.
/// </summary>
public static partial class InputChecks
{
    public static string? Required(string? value, string message) => string.IsNullOrWhiteSpace(value) ? message : null;

    public static string? Email(string? value, string label)
    {
        var text = value?.Trim() ?? "";
        return text.Length == 0 || IsEmail(text) ? null : $"{label}: \"{text}\" is not an email address; write it as name@example.com.";
    }

    /// <summary>One address, no display name, a host with a dot: stricter than <see cref="MailAddress"/> alone, which takes "Jo &lt;jo@x&gt;".</summary>
    public static bool IsEmail(string text)
    {
        if (text.Length > 254 || text.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(text, out var address)
            || !string.Equals(address.Address, text, StringComparison.Ordinal))
        {
            return false;
        }
        var host = address.Host;
        return host.Contains('.', StringComparison.Ordinal) && !host.StartsWith('.') && !host.EndsWith('.') && !host.Contains("..", StringComparison.Ordinal);
    }

    /// <summary>A short lower-case key used in URLs and files (it is saved in lower case): letters, digits, - and _.</summary>
    public static string? Key(string? value, string label)
    {
        var text = value?.Trim() ?? "";
        return text.Length == 0 || KeyPattern().IsMatch(text)
            ? null
            : $"{label}: use letters, digits, - and _ only, starting with a letter, e.g. website or web_form.";
    }

    /// <summary>A whole number of at least <paramref name="minimum"/>; <paramref name="number"/> is set only when it is one.</summary>
    public static string? WholeNumber(string? value, string label, int minimum, out int number)
    {
        var text = value?.Trim() ?? "";
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out number) && number >= minimum)
        {
            return null;
        }
        return text.Length == 0
            ? $"{label} needs a number, e.g. {minimum}."
            : $"{label}: \"{text}\" is not a whole number of {minimum} or more, e.g. {minimum}.";
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex KeyPattern();
}
