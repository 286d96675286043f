using System.Collections.Frozen;

namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>
/// The words of a street line, folded (<see cref="TextNormaliser"/>): street types, directions and unit designators
/// with the one spelling each is compared in, and the class of a token the rules around them look at.
/// </summary>
internal static class AddressWords
{
    /// <summary>Street types spelled out wherever they stand ("st" is read by position: street or saint).</summary>
    public static readonly FrozenDictionary<string, string> StreetTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["str"] = "street", ["strasse"] = "street", ["rd"] = "road", ["ave"] = "avenue", ["av"] = "avenue", ["avn"] = "avenue",
        ["dr"] = "drive", ["drv"] = "drive", ["ln"] = "lane", ["ct"] = "court", ["crt"] = "court", ["pl"] = "place",
        ["cres"] = "crescent", ["cr"] = "crescent", ["hwy"] = "highway", ["pde"] = "parade", ["sq"] = "square",
        ["blvd"] = "boulevard", ["bvd"] = "boulevard", ["bd"] = "boulevard", ["tce"] = "terrace", ["terr"] = "terrace",
        ["ter"] = "terrace", ["cl"] = "close", ["gr"] = "grove", ["gve"] = "grove", ["cir"] = "circuit", ["cct"] = "circuit",
        ["esp"] = "esplanade", ["pkwy"] = "parkway", ["pky"] = "parkway", ["fwy"] = "freeway", ["expy"] = "expressway",
        ["trl"] = "trail", ["wy"] = "way", ["plz"] = "plaza", ["rte"] = "route", ["aly"] = "alley", ["fbg"] = "faubourg",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Other abbreviations spelled out wherever they stand.</summary>
    public static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["mt"] = "mount", ["sth"] = "south", ["nth"] = "north",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The spelled-out street types: what ends a street name ("Main Street | Springfield").</summary>
    public static readonly FrozenSet<string> StreetTypeWords = new[]
    {
        "street", "road", "avenue", "drive", "lane", "court", "place", "crescent", "highway", "parade", "square",
        "boulevard", "terrace", "close", "grove", "circuit", "esplanade", "parkway", "freeway", "expressway", "trail", "way",
        "plaza", "route", "alley", "faubourg", "circle", "loop", "walk", "mews", "quay", "wharf",
        "st", "strasse",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Ordinal words written as numbers before a street type: "Fifth Avenue" is "5th avenue".</summary>
    public static readonly FrozenDictionary<string, string> Ordinals = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["first"] = "1st", ["second"] = "2nd", ["third"] = "3rd", ["fourth"] = "4th", ["fifth"] = "5th", ["sixth"] = "6th",
        ["seventh"] = "7th", ["eighth"] = "8th", ["ninth"] = "9th", ["tenth"] = "10th", ["eleventh"] = "11th", ["twelfth"] = "12th",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Directions read by position only: a single "e" may be East, E Street or a house letter.</summary>
    public static readonly FrozenDictionary<string, string> Directions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["n"] = "north", ["s"] = "south", ["e"] = "east", ["w"] = "west",
        ["ne"] = "northeast", ["nw"] = "northwest", ["se"] = "southeast", ["sw"] = "southwest",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> DirectionWords = new[]
    {
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Unit designators in one spelling; the ones marked conditional are words of their own unless a value follows.</summary>
    public static readonly FrozenDictionary<string, (string Word, bool Conditional)> Designators =
        new Dictionary<string, (string, bool)>(StringComparer.Ordinal)
        {
            ["apt"] = ("apartment", false), ["apartment"] = ("apartment", false), ["unit"] = ("unit", false),
            ["suite"] = ("suite", false), ["ste"] = ("suite", true), ["fl"] = ("floor", true), ["flr"] = ("floor", true),
            ["floor"] = ("floor", true), ["flat"] = ("flat", true), ["bldg"] = ("building", false), ["bld"] = ("building", true),
            ["building"] = ("building", true), ["level"] = ("level", true), ["lvl"] = ("level", false), ["rm"] = ("room", true),
            ["room"] = ("room", true),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsStreetType(string token) => StreetTypeWords.Contains(token) || StreetTypes.ContainsKey(token);

    public static bool IsDirection(string token) => Directions.ContainsKey(token) || DirectionWords.Contains(token) || token is "nth" or "sth";

    public static bool IsDesignator(string token) => Designators.ContainsKey(token);

    /// <summary>A unit's number or letter: "4b", "200", "e"; short, so a postcode or a name is not read as one.</summary>
    public static bool IsUnitValue(string token) =>
        token.Length == 1 && char.IsAsciiLetterLower(token[0]) || token.Length <= 6 && token.Any(char.IsAsciiDigit) && token.All(char.IsAsciiLetterOrDigit);

    /// <summary>A word of a street name: not a type, direction or designator, not a bare number ("42nd" is a name).</summary>
    public static bool IsName(string token) =>
        !IsStreetType(token) && !IsDirection(token) && !IsDesignator(token) && !token.All(char.IsAsciiDigit);

    public static bool HasDigit(string token) => token.Any(char.IsAsciiDigit);
}
