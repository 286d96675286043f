using System.Text;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>Codes compared character by character: postcodes and ids (letters and digits, upper case) and digit strings.</summary>
public static class CodeNormaliser
{
    /// <summary>Letters and digits only, upper case ("sw1a 1aa" → "SW1A1AA"); null when none.</summary>
    public static string? AlphaNumeric(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var builder = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                builder.Append(char.ToUpperInvariant(ch));
            }
        }
        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>The ASCII digits only; null when none.</summary>
    public static string? Digits(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        var builder = new StringBuilder(value.Length);
        foreach (var ch in value)
        {
            if (char.IsAsciiDigit(ch))
            {
                builder.Append(ch);
            }
        }
        return builder.Length == 0 ? null : builder.ToString();
    }
}
