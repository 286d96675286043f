using System.Text;

namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>
/// Lawrence Philips' Double Metaphone: a primary and an alternate phonetic code (up to four characters by default)
/// so that names spelled differently but said alike meet ("Smith" and "Schmidt" share XMT, "Thomas" and "Tomas" TMS).
/// Input is a name in any case; letters other than A–Z (after accent folding) are skipped. The letter rules follow
/// the published algorithm (this file: the main loop and the simple letters; the partial files: C, G, and the rest).
/// </summary>
public static partial class DoubleMetaphone
{
    public const int DefaultLength = 4;

    /// <summary>The primary and alternate codes (equal when the name has one pronunciation); empty for no letters.</summary>
    public static (string Primary, string Alternate) Encode(string? name, int maxLength = DefaultLength)
    {
        var value = Clean(name);
        if (value.Length == 0)
        {
            return ("", "");
        }
        var result = new Codes(maxLength);
        var slavoGermanic = value.Contains('W', StringComparison.Ordinal) || value.Contains('K', StringComparison.Ordinal)
            || value.Contains("CZ", StringComparison.Ordinal) || value.Contains("WITZ", StringComparison.Ordinal);
        var index = StartsWithAny(value, "GN", "KN", "PN", "WR", "PS") ? 1 : 0;
        while (!result.IsComplete && index < value.Length)
        {
            index = value[index] switch
            {
                'A' or 'E' or 'I' or 'O' or 'U' or 'Y' => Vowel(result, index),
                'B' => Single(result, value, index, 'P', 'B'),
                'C' => HandleC(value, result, index),
                'D' => HandleD(value, result, index),
                'F' => Single(result, value, index, 'F', 'F'),
                'G' => HandleG(value, result, index, slavoGermanic),
                'H' => HandleH(value, result, index),
                'J' => HandleJ(value, result, index, slavoGermanic),
                'K' => Single(result, value, index, 'K', 'K'),
                'L' => HandleL(value, result, index),
                'M' => HandleM(value, result, index),
                'N' => Single(result, value, index, 'N', 'N'),
                'P' => HandleP(value, result, index),
                'Q' => Single(result, value, index, 'K', 'Q'),
                'R' => HandleR(value, result, index, slavoGermanic),
                'S' => HandleS(value, result, index, slavoGermanic),
                'T' => HandleT(value, result, index),
                'V' => Single(result, value, index, 'F', 'V'),
                'W' => HandleW(value, result, index),
                'X' => HandleX(value, result, index),
                'Z' => HandleZ(value, result, index, slavoGermanic),
                _ => index + 1,
            };
        }
        return (result.Primary, result.Alternate);
    }

    /// <summary>Upper-case A–Z and spaces (spaces keep "VAN ", "SAN " rules working); accents folded first.</summary>
    private static string Clean(string? name)
    {
        var folded = Normalisers.TextNormaliser.Fold(name);
        if (folded is null)
        {
            return "";
        }
        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (ch is (>= 'a' and <= 'z') or ' ')
            {
                builder.Append(char.ToUpperInvariant(ch));
            }
        }
        return builder.ToString().Trim();
    }

    private static int Vowel(Codes result, int index)
    {
        if (index == 0)
        {
            result.Append('A');
        }
        return index + 1;
    }

    /// <summary>A letter with one sound; a doubled letter is skipped.</summary>
    private static int Single(Codes result, string value, int index, char code, char letter)
    {
        result.Append(code);
        return At(value, index + 1) == letter ? index + 2 : index + 1;
    }

    private static int HandleD(string value, Codes result, int index)
    {
        if (Contains(value, index, 2, "DG"))
        {
            if (Contains(value, index + 2, 1, "I", "E", "Y"))
            {
                result.Append('J'); // "edge"
                return index + 3;
            }
            result.Append("TK"); // "Edgar"
            return index + 2;
        }
        result.Append('T');
        return Contains(value, index, 2, "DT", "DD") ? index + 2 : index + 1;
    }

    private static int HandleH(string value, Codes result, int index)
    {
        // Only kept first or between vowels, before a vowel.
        if ((index == 0 || IsVowel(At(value, index - 1))) && IsVowel(At(value, index + 1)))
        {
            result.Append('H');
            return index + 2;
        }
        return index + 1;
    }

    private static int HandleM(string value, Codes result, int index)
    {
        result.Append('M');
        var skip = At(value, index + 1) == 'M'
            || (Contains(value, index - 1, 3, "UMB") && (index + 1 == value.Length - 1 || Contains(value, index + 2, 2, "ER")));
        return skip ? index + 2 : index + 1;
    }

    private static int HandleP(string value, Codes result, int index)
    {
        if (At(value, index + 1) == 'H')
        {
            result.Append('F');
            return index + 2;
        }
        result.Append('P');
        return Contains(value, index + 1, 1, "P", "B") ? index + 2 : index + 1;
    }

    private static char At(string value, int index) => index >= 0 && index < value.Length ? value[index] : '\0';

    private static bool IsVowel(char ch) => ch is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';

    private static bool StartsWithAny(string value, params string[] prefixes) =>
        prefixes.Any(p => value.StartsWith(p, StringComparison.Ordinal));

    /// <summary>True when the <paramref name="length"/> characters at <paramref name="start"/> are one of <paramref name="options"/>.</summary>
    private static bool Contains(string value, int start, int length, params string[] options)
    {
        if (start < 0 || start + length > value.Length)
        {
            return false;
        }
        var part = value.AsSpan(start, length);
        foreach (var option in options)
        {
            if (part.SequenceEqual(option))
            {
                return true;
            }
        }
        return false;
    }
}
