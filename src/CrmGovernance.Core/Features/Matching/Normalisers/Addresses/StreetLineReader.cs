using System.Text.RegularExpressions;
using static CrmGovernance.Core.Features.Matching.Normalisers.Addresses.AddressWords;

namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>
/// The house number and street of a street line whose units are already taken out: number first ("123 N Main St",
/// "4/12 Smith St" = unit 4, number 12) or street first ("Hauptstr. 5", "Groenewoudseweg 1"); a PO box is the street.
/// The street ends at its type and trailing direction ("Queen St W"); the words after it are returned.
/// </summary>
internal static partial class StreetLineReader
{
    public static StreetLine Read(List<string> words)
    {
        if (PostBox(words) is { } box)
        {
            return box;
        }
        string? number = null, unit = null;
        var rest = words;
        if (words.Count > 0 && UnitAndNumber().Match(words[0]) is { Success: true } slash)
        {
            (unit, number, rest) = ("unit " + slash.Groups[1].Value, slash.Groups[2].Value, words[1..]);
        }
        else if (words.Count > 0 && IsHouseNumber(words[0]))
        {
            (number, rest) = (words[0], words[1..]);
            if (rest.Count > 0 && HouseLetter(rest))
            {
                (number, rest) = (number + rest[0], rest[1..]);
            }
        }
        else if (NumberAfterStreet(words) is { } at)
        {
            var letter = at + 2 == words.Count && words[^1].Length == 1 && char.IsAsciiLetterLower(words[^1][0]);
            number = letter ? words[at] + words[^1] : words[at];
            var before = at > 0 && words[at - 1] is "no" or "nr" or "number" ? at - 1 : at;
            return Line(number, unit, words[..before], letter ? [] : words[(at + 1)..]);
        }
        var end = StreetEnd(rest);
        return Line(number, unit, rest[..end], rest[end..]);
    }

    private static StreetLine Line(string? number, string? unit, List<string> street, List<string> after) =>
        new(number, AddressNormaliser.Normalise(string.Join(' ', street)), unit, after);

    /// <summary>"12 B Baker St" and "12 E" have a house letter; "12 E Main St" goes east and "10 E St NW" is E Street.</summary>
    private static bool HouseLetter(List<string> rest)
    {
        if (rest[0].Length != 1 || !char.IsAsciiLetterLower(rest[0][0]))
        {
            return false;
        }
        if (rest.Count == 1)
        {
            return true;
        }
        return !IsStreetType(rest[1]) && !Directions.ContainsKey(rest[0]);
    }

    /// <summary>Where a street-first line has its number: the first house number after the first word, not a route's.</summary>
    private static int? NumberAfterStreet(List<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (IsHouseNumber(words[i]))
            {
                return words[i - 1] is "route" or "rte" or "highway" or "hwy" or "interstate" or "box" ? null : i;
            }
        }
        return null;
    }

    /// <summary>After the first street type that another type does not follow, and the directions after it.</summary>
    private static int StreetEnd(List<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            var next = i + 1 < words.Count ? words[i + 1] : null;
            var saint = next is "st" && i + 2 < words.Count && IsName(words[i + 2]);
            if (!IsStreetType(words[i]) || next is not null && IsStreetType(next) && !saint)
            {
                continue;
            }
            var end = i + 1;
            while (end < words.Count && end <= i + 2 && IsDirection(words[end]))
            {
                end++;
            }
            return end;
        }
        return words.Count;
    }

    /// <summary>"PO Box 123" (every spelling <see cref="AddressNormaliser"/> knows) is the street, with no house number.</summary>
    private static StreetLine? PostBox(List<string> words)
    {
        var normalised = AddressNormaliser.Normalise(string.Join(' ', words));
        if (normalised is null)
        {
            return null;
        }
        var tokens = normalised.Split(' ');
        var at = Array.IndexOf(tokens, "po");
        if (at < 0 || at + 1 >= tokens.Length || tokens[at + 1] != "box")
        {
            return null;
        }
        var end = at + 2 < tokens.Length && HasDigit(tokens[at + 2]) ? at + 3 : at + 2;
        return new StreetLine(null, string.Join(' ', tokens[at..end]), null, tokens[end..]);
    }

    public static bool IsHouseNumber(string word) => HouseNumber().IsMatch(word);

    [GeneratedRegex("^[0-9]{1,6}[a-z]?(-[0-9]{1,6}[a-z]?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex HouseNumber();

    [GeneratedRegex("^([0-9]{1,6}[a-z]?)/([0-9]{1,6}[a-z]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitAndNumber();
}
