using System.Globalization;
using System.Text;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Folds free text for comparison: lower case, accents stripped, apostrophes dropped ("O'Brien" → "obrien"), every
/// other non-letter or non-digit a single space. Null for empty. Folding twice gives the same as once.
/// </summary>
public static class TextNormaliser
{
    public static string? Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (IsFolded(value))
        {
            return value;
        }
        var text = IsAscii(value) ? value : StripAccents(value);
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var length = 0;
        var space = false;
        foreach (var raw in text)
        {
            if (raw is '\'' or '’' or '`' or '´')
            {
                continue;
            }
            if (char.IsLetterOrDigit(raw))
            {
                if (space && length > 0)
                {
                    buffer[length++] = ' ';
                }
                space = false;
                buffer[length++] = char.ToLowerInvariant(raw);
            }
            else
            {
                space = true;
            }
        }
        return length == 0 ? null : new string(buffer[..length]);
    }

    /// <summary>Lower-case ASCII letters and digits with single inner spaces: already folded, so no copy is made.</summary>
    private static bool IsFolded(string value)
    {
        if (value[0] == ' ' || value[^1] == ' ')
        {
            return false;
        }
        var previousSpace = false;
        foreach (var ch in value)
        {
            var space = ch == ' ';
            if (!(ch is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (space && !previousSpace)))
            {
                return false;
            }
            previousSpace = space;
        }
        return true;
    }

    private static bool IsAscii(string value)
    {
        foreach (var ch in value)
        {
            if (ch > 127)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Half of a surrogate pair (a string cut between the two) becomes a space: Normalize throws on it.</summary>
    private static string WithoutLoneSurrogates(string value)
    {
        char[]? copy = null;
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                copy ??= value.ToCharArray();
                copy[i] = ' ';
            }
        }
        return copy is null ? value : new string(copy);
    }

    /// <summary>Decomposes and drops combining marks; letters that do not decompose (ß, æ, ø, ł …) are spelled out.</summary>
    private static string StripAccents(string value)
    {
        var decomposed = WithoutLoneSurrogates(value).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var ch in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(ch switch
            {
                'ß' or 'ẞ' => "ss",
                'æ' or 'Æ' => "ae",
                'œ' or 'Œ' => "oe",
                'ø' or 'Ø' => "o",
                'ł' or 'Ł' => "l",
                'đ' or 'Đ' => "d",
                'þ' or 'Þ' => "th",
                'ı' => "i",
                _ => ch.ToString(),
            });
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }
}
