using System.Collections.Concurrent;
using System.Text;
using PhoneNumbers;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// A phone number in E.164 ("+447911123456"). The common spellings are read directly — "+44 (0)7911 123456",
/// "0044 7911 123456", national "07911 123456" with the default region's country code and trunk prefix (both from
/// libphonenumber's metadata) — because a full parse costs about 10 µs and a scan reads a million numbers; anything
/// else (letters, extensions) goes through libphonenumber. Unreadable numbers keep their digits, so two spellings of
/// them still meet. A local number written without its area code ("555 1234" in the US, shorter than any full national
/// number of the region by libphonenumber's metadata) keeps its digits too: its subscriber part, which
/// <see cref="Comparators.PhoneSimilarity"/> compares with the end of a full number. Null when there are no digits.
/// Normalising an E.164 value returns it.
/// </summary>
public static class PhoneNormaliser
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly ConcurrentDictionary<string, Region> Regions = new(StringComparer.Ordinal);

    public static string? Normalise(string? value, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (IsE164(value))
        {
            return value;
        }
        var text = value.Trim();
        var international = text[0] == '+';
        if (international)
        {
            // "+44 (0)20 …": the trunk prefix in brackets is not dialled from abroad.
            text = text.Replace("(0)", "", StringComparison.Ordinal);
        }
        var (digits, other) = Split(text);
        if (digits.Length == 0)
        {
            return null;
        }
        var candidate = international ? "+" + digits
            : digits.StartsWith("00", StringComparison.Ordinal) ? "+" + digits[2..]
            : National(digits, defaultRegion);
        var quick = candidate is not null && IsE164(candidate) ? candidate : null;
        if (!other && quick is not null)
        {
            return quick;
        }
        // Unreadable spellings fall back to their digits read the quick way, so normalising again changes nothing.
        // Its digits alone are what a second pass would read, so they are read here too.
        var raw = international ? "+" + digits : digits;
        return Parsed(value, defaultRegion) ?? quick ?? Parsed(raw, defaultRegion) ?? raw;
    }

    /// <summary>
    /// The national number with the region's country code, its trunk prefix dropped ("07911…" → "+447911…"); null when
    /// the region is unknown or the number is local (too short to hold an area code).
    /// </summary>
    private static string? National(string digits, string region)
    {
        var known = Regions.GetOrAdd(region.ToUpperInvariant(), Region.Of);
        if (known.CountryCode.Length == 0)
        {
            return null;
        }
        var national = known.TrunkPrefix.Length > 0 && digits.StartsWith(known.TrunkPrefix, StringComparison.Ordinal) ? digits[known.TrunkPrefix.Length..] : digits;
        if (national.Length == 0 || national[0] == '0' && known.TrunkPrefix == "0" || known.IsLocal(national.Length))
        {
            return null;
        }
        return "+" + known.CountryCode + national;
    }

    /// <summary>What reading a region's national numbers needs: its country code, trunk prefix and shortest full number.</summary>
    private sealed record Region(string CountryCode, string TrunkPrefix, int ShortestNational, int[] LocalLengths)
    {
        public bool IsLocal(int length) => length < ShortestNational || Array.IndexOf(LocalLengths, length) >= 0;

        public static Region Of(string region)
        {
            var code = Phones.GetCountryCodeForRegion(region);
            if (code == 0 || Phones.GetMetadataForRegion(region)?.GeneralDesc is not { } general)
            {
                return new Region("", "", 0, []);
            }
            var lengths = general.PossibleLengthList.Where(l => l > 0).ToArray();
            return new Region(code.ToString(System.Globalization.CultureInfo.InvariantCulture), Phones.GetNddPrefixForRegion(region, true) ?? "",
                lengths.Length == 0 ? 0 : lengths.Min(), [.. general.PossibleLengthLocalOnlyList]);
        }
    }

    /// <summary>The digits, and whether anything but digits, spaces, brackets, dots, dashes and a leading + was there.</summary>
    private static (string Digits, bool Other) Split(string text)
    {
        var digits = new StringBuilder(text.Length);
        var other = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsAsciiDigit(ch))
            {
                digits.Append(ch);
            }
            else if (!(ch is ' ' or '(' or ')' or '-' or '.' or '/' || (ch == '+' && i == 0)))
            {
                other = true;
            }
        }
        return (digits.ToString(), other);
    }

    private static string? Parsed(string value, string region)
    {
        try
        {
            var number = Phones.Parse(value, region);
            return Phones.IsValidNumber(number) ? Phones.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    /// <summary>"+" and 8 to 15 digits, the first not 0.</summary>
    private static bool IsE164(string value)
    {
        if (value.Length is < 9 or > 16 || value[0] != '+' || value[1] == '0')
        {
            return false;
        }
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is < '0' or > '9')
            {
                return false;
            }
        }
        return true;
    }
}
