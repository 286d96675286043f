using System.Collections.Frozen;

namespace CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

/// <summary>
/// A country that ends an address line, by folded name or ISO code, to its upper-case ISO 3166 code ("United Kingdom",
/// "U.K.", "GB" → "GB"). Codes that are also a state ("CA", "DE", "NL") count as a country only after a postcode
/// ("Toronto ON M5H 2N2 CA") or when they are the caller's region; a state name that ends the line ("New South Wales")
/// is not a country ("Wales"). Codes that are also street words ("SE", "PL", "PT", "NO") are read only as names.
/// </summary>
internal static class AddressCountries
{
    private static readonly FrozenDictionary<string, string> Codes = Table(
        "US us|usa|u s|u s a|united states|united states of america",
        "CA ca|canada", "GB gb|uk|u k|united kingdom|great britain|england|scotland|wales|northern ireland",
        "AU au|australia", "NZ nz|new zealand|aotearoa", "IE ie|ireland|eire|republic of ireland",
        "DE de|germany|deutschland", "NL nl|netherlands|the netherlands|nederland", "FR fr|france",
        "BE be|belgium|belgique|belgie|belgien", "AT at|austria|osterreich", "CH ch|switzerland|schweiz|suisse|svizzera",
        "LU lu|luxembourg", "ES es|spain|espana", "IT it|italy|italia", "PT portugal", "DK dk|denmark|danmark",
        "SE sweden|sverige", "NO norway|norge", "FI fi|finland|suomi", "PL poland|polska", "MX mx|mexico");

    /// <summary>The upper-case code of a folded country name or code ("united kingdom" → "GB"); null when unknown.</summary>
    public static string? CodeOf(string folded) => Codes.GetValueOrDefault(folded);

    /// <summary>The country ending tokens [0, end), if any.</summary>
    public static (int Start, string Code)? Ending(IReadOnlyList<AddressToken> tokens, int end, string? region)
    {
        if (end == 0 || AddressTokens.LongestEnding(tokens, end, Codes) is not { } country)
        {
            return null;
        }
        var phrase = string.Join(' ', tokens.Skip(country.Start).Take(end - country.Start).Select(t => t.Text));
        if (AddressStates.Ending(tokens, end) is { } state && state.Start < country.Start)
        {
            return null;
        }
        if (!AddressStates.IsState(phrase) || string.Equals(region, country.Value, StringComparison.OrdinalIgnoreCase))
        {
            return country;
        }
        return AddressPostcodes.Find(tokens, country.Start) is not null ? country : null;
    }

    /// <summary>"CODE name|name|…" entries to a table from every name to the code.</summary>
    private static FrozenDictionary<string, string> Table(params string[] entries)
    {
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            foreach (var name in entry[3..].Split('|'))
            {
                table[name] = entry[..2];
            }
        }
        return table.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
