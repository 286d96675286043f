using CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Reads a one-line address as people type it — "123 N. Main St., Apt 4B, Springfield IL 62704-1234",
/// "Hauptstr. 5 10115 Berlin Germany", "Flat 2, 10 Downing Street, London SW1A 2AA" — into normalised parts, so two
/// spellings of one address give equal parts. Read from the end: a country, a postcode (last, or before a city that
/// ends the line), a state before the postcode; then the units, the street part (the part with the house number) and
/// the city (the last part before the postcode, else the words after the street type). Deterministic, linear in the
/// line, never throws; a line over <see cref="MaxLength"/> characters is not read (its folded text is the street).
/// </summary>
public static class AddressLineParser
{
    public const int MaxLength = 500;

    private static readonly AddressParts Nothing = new(null, null, null, null, null, null, null);

    /// <param name="line">The address line.</param>
    /// <param name="region">The ISO code of the country the records come from, if known: a trailing "CA" or "DE" that is
    /// this region is a country, and with no postcode or country in the line, only US, CA and AU lines are read for a state.</param>
    public static AddressParts? Parse(string? line, string? region = null)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return null;
        }
        if (line.Length > MaxLength)
        {
            return TextNormaliser.Fold(line) is { } folded ? new AddressParts(null, folded, null, null, null, null, null) : null;
        }
        var tokens = AddressTokens.Read(line);
        if (tokens.Count == 0)
        {
            return null;
        }
        var country = AddressCountries.Ending(tokens, tokens.Count, region);
        var tail = country?.Start ?? tokens.Count;
        var postcode = AddressPostcodes.Find(tokens, tail);
        var state = StatesRead(country?.Code, postcode, region) ? State(tokens, postcode?.Start ?? tail, postcode is not null) : null;
        var front = state?.Start ?? postcode?.Start ?? tail;
        var cityAfterPostcode = postcode is { BeforeCity: true } p ? FirstPart(tokens, p.End, tail) : null;

        var units = new List<string>();
        var pieces = Parts(tokens, front).Select(words => AddressUnits.Extract(words, units)).Where(words => words.Count > 0).ToList();
        var street = StreetPart(pieces);
        var streetLine = street >= 0 ? StreetLineReader.Read(pieces[street]) : null;
        if (streetLine?.Unit is { } slashUnit)
        {
            units.Add(slashUnit);
        }
        var city = cityAfterPostcode ?? City(pieces, street) ?? (streetLine is { After.Count: > 0 } ? streetLine.After : null);

        var parts = new AddressParts(streetLine?.Number, streetLine?.Street, units.Count > 0 ? string.Join(' ', units) : null,
            city is null ? null : AddressNormaliser.Normalise(string.Join(' ', city)), state?.Code, postcode?.Code, country?.Code);
        return parts == Nothing ? null : parts;
    }

    private static bool StatesRead(string? country, PostcodeMatch? postcode, string? region)
    {
        if (country is not (null or "US" or "CA" or "AU"))
        {
            return false;
        }
        if (postcode is { } p)
        {
            return !p.BeforeCity && p.Shape is PostcodeShape.Digits or PostcodeShape.ZipPlus4 or PostcodeShape.Canadian;
        }
        return country is not null || region is null || region.ToUpperInvariant() is "US" or "CA" or "AU";
    }

    /// <summary>
    /// A state not at the start of the line; a name ("Illinois") or a code that is also a street word ("Elm Ct", "Main St NE")
    /// only before a postcode or as a part of its own.
    /// </summary>
    private static (int Start, string Code)? State(List<AddressToken> tokens, int end, bool beforePostcode)
    {
        if (AddressStates.Ending(tokens, end) is not { Start: > 0 } state)
        {
            return null;
        }
        var word = tokens[state.Start].Text;
        var ownPart = tokens[state.Start - 1].Segment != tokens[state.Start].Segment;
        var plainCode = end - state.Start == 1 && word == state.Code && !AddressWords.IsStreetType(word) && !AddressWords.IsDirection(word);
        return beforePostcode || ownPart || plainCode ? state : null;
    }

    private static List<List<string>> Parts(List<AddressToken> tokens, int end)
    {
        var parts = new List<List<string>>();
        for (var i = 0; i < end; i++)
        {
            if (i == 0 || tokens[i].Segment != tokens[i - 1].Segment)
            {
                parts.Add([]);
            }
            parts[^1].Add(tokens[i].Text);
        }
        // "12, Rue de la Paix": a house number on its own belongs to the next part.
        for (var i = parts.Count - 2; i >= 0; i--)
        {
            if (parts[i].Count == 1 && (StreetLineReader.IsHouseNumber(parts[i][0]) || parts[i][0].Contains('/', StringComparison.Ordinal)))
            {
                parts[i + 1].InsertRange(0, parts[i]);
                parts.RemoveAt(i);
            }
        }
        return parts;
    }

    /// <summary>The part that starts with a house number or a PO box, else the first with a street type, else the first.</summary>
    private static int StreetPart(List<List<string>> parts)
    {
        if (parts.Count == 0)
        {
            return -1;
        }
        var numbered = parts.FindIndex(p => char.IsAsciiDigit(p[0][0]) || p[0] is "po" or "p" or "pob" or "post" or "postfach" or "postbus");
        return numbered >= 0 ? numbered : Math.Max(0, parts.FindIndex(p => p.Skip(1).Any(AddressWords.IsStreetType)));
    }

    /// <summary>The last part after the street, passing over a British county ("Leeds, West Yorkshire").</summary>
    private static List<string>? City(List<List<string>> parts, int street)
    {
        var after = parts.Count - street - 1;
        if (street < 0 || after <= 0)
        {
            return null;
        }
        var last = parts[^1];
        return after >= 2 && AddressStates.IsBritishCounty(string.Join(' ', last)) ? parts[^2] : last;
    }

    private static List<string>? FirstPart(List<AddressToken> tokens, int start, int end)
    {
        var words = new List<string>();
        for (var i = start; i < end && tokens[i].Segment == tokens[start].Segment; i++)
        {
            words.Add(tokens[i].Text);
        }
        return words.Count > 0 ? words : null;
    }
}
