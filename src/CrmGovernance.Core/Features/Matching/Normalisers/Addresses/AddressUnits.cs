using static CrmGovernance.Core.Features.Matching.Normalisers.Addresses.AddressWords;

namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>
/// Takes the units out of a part of an address line: a designator and its value ("Apt 4B", "Ste 200", "#3400",
/// "Flat E", "3rd Floor") in one spelling ("apartment 4b", "suite 200", "unit 3400", "flat e", "floor 3").
/// </summary>
internal static class AddressUnits
{
    /// <summary>The words left once the units are taken into <paramref name="units"/>.</summary>
    public static List<string> Extract(IReadOnlyList<string> part, List<string> units)
    {
        var words = part.ToList();
        var rest = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var next = i + 1 < words.Count ? words[i + 1] : null;
            if (words[i] == "#")
            {
                if (next is not null && IsUnitValue(next))
                {
                    units.Add("unit " + next);
                    i++;
                }
                continue;
            }
            if (Designators.TryGetValue(words[i], out var designator) && next is not null && IsUnitValue(next)
                && (!designator.Conditional || next.Length <= 4))
            {
                units.Add(designator.Word + " " + next);
                i++;
                continue;
            }
            // "Unit 2/45 Smith St": the unit's number, then the house number.
            if (designator.Word is not null && next?.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && IsUnitValue(next[..slash]))
            {
                units.Add(designator.Word + " " + next[..slash]);
                words[i + 1] = next[(slash + 1)..];
                continue;
            }
            if (next is not null && Designators.TryGetValue(next, out var after) && after.Word is "floor" or "level" && FloorNumber(words[i]) is { } floor)
            {
                units.Add(after.Word + " " + floor);
                i++;
                continue;
            }
            rest.Add(words[i]);
        }
        return rest;
    }

    /// <summary>"3rd" → "3", "ground" → "g".</summary>
    private static string? FloorNumber(string word)
    {
        if (word is "ground" or "gnd")
        {
            return "g";
        }
        var digits = word.TakeWhile(char.IsAsciiDigit).Count();
        return digits > 0 && digits <= 3 && word[digits..] is "st" or "nd" or "rd" or "th" ? word[..digits] : null;
    }
}
