using System.Collections.Frozen;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>Street lines folded with their common abbreviations spelled out ("12 High St." → "12 high street").</summary>
public static class AddressNormaliser
{
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["st"] = "street", ["str"] = "street", ["rd"] = "road", ["ave"] = "avenue", ["av"] = "avenue", ["dr"] = "drive",
        ["ln"] = "lane", ["ct"] = "court", ["pl"] = "place", ["cres"] = "crescent", ["cr"] = "crescent", ["hwy"] = "highway",
        ["pde"] = "parade", ["sq"] = "square", ["blvd"] = "boulevard", ["tce"] = "terrace", ["terr"] = "terrace",
        ["cl"] = "close", ["gr"] = "grove", ["gve"] = "grove", ["mt"] = "mount", ["apt"] = "apartment", ["cir"] = "circuit",
        ["cct"] = "circuit", ["esp"] = "esplanade", ["pkwy"] = "parkway", ["sth"] = "south", ["nth"] = "north",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string? Normalise(string? value)
    {
        var folded = TextNormaliser.Fold(value);
        if (folded is null)
        {
            return null;
        }
        var tokens = folded.Split(' ');
        var changed = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (Words.TryGetValue(tokens[i], out var word))
            {
                tokens[i] = word;
                changed = true;
            }
        }
        return changed ? string.Join(' ', tokens) : folded;
    }
}
