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
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var ch in value)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                buffer[length++] = char.ToUpperInvariant(ch);
            }
        }
        return length == 0 ? null : length == value.Length && buffer.SequenceEqual(value) ? value : new string(buffer[..length]);
    }

    /// <summary>The ASCII digits only; null when none.</summary>
    public static string? Digits(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var ch in value)
        {
            if (char.IsAsciiDigit(ch))
            {
                buffer[length++] = ch;
            }
        }
        return length == 0 ? null : length == value.Length ? value : new string(buffer[..length]);
    }
}
