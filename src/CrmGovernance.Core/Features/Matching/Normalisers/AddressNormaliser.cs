using static CrmGovernance.Core.Features.Matching.Normalisers.Addresses.AddressWords;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Street lines folded with their abbreviations spelled out: "12 N. High St., Apt 4" → "12 north high street apartment 4",
/// "Hauptstr. 5" → "hauptstrasse 5", "St Kilda Rd" → "saint kilda road", "P.O. Box 7" → "po box 7". Words that mean
/// different things by position are read by position: "st" starting a name is Saint; a single letter is a direction
/// only before a name ("N Main") or after a street type ("Queen St W"), so "E St NW" keeps its E; "Ste" is Suite and
/// "Fl" Floor only before a unit number. Ordinals stay ("1st"), and ordinal words before a street type are written so
/// ("Fifth Ave" → "5th avenue"). Normalising twice gives the same as once.
/// </summary>
public static class AddressNormaliser
{
    public static string? Normalise(string? value) => StableForm.Of(value, Once);

    private static string? Once(string? value)
    {
        var folded = TextNormaliser.Fold(value);
        if (folded is null)
        {
            return null;
        }
        var tokens = PostBoxes(folded.Split(' '));
        var words = new List<string>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (SuffixDirectionPair(tokens, i) is { } pair)
            {
                words.Add(pair);
                i++;
                continue;
            }
            words.Add(Word(tokens, i));
        }
        var normalised = string.Join(' ', words);
        return normalised == folded ? folded : normalised;
    }

    private static string Word(List<string> tokens, int i)
    {
        var token = tokens[i];
        if (token == "st")
        {
            // "St Kilda Rd", "12 St John's Wood Rd", "Main St St Louis": Saint; "High St", "St W": Street.
            var starts = StartsName(tokens, i) || i > 0 && IsStreetType(tokens[i - 1]);
            return starts && i + 1 < tokens.Count && IsName(tokens[i + 1]) ? "saint" : "street";
        }
        if (Directions.TryGetValue(token, out var direction))
        {
            var prefix = StartsName(tokens, i) && i + 1 < tokens.Count && IsName(tokens[i + 1]);
            return prefix || EndsStreet(tokens, i) ? direction : token;
        }
        if (Designators.TryGetValue(token, out var designator))
        {
            var valued = i + 1 < tokens.Count && IsUnitValue(tokens[i + 1]) && tokens[i + 1].Length <= 4;
            return !designator.Conditional || valued ? designator.Word : token;
        }
        if (Ordinals.TryGetValue(token, out var ordinal) && i + 1 < tokens.Count && IsStreetType(tokens[i + 1]))
        {
            return ordinal;
        }
        if (StreetTypes.TryGetValue(token, out var type) || Abbreviations.TryGetValue(token, out type))
        {
            return type;
        }
        // German compounds: "hauptstr" is "hauptstrasse" ("straße" folds to "strasse").
        return token.Length > 3 && token.EndsWith("str", StringComparison.Ordinal) && token.All(char.IsAsciiLetterLower)
            ? token + "asse"
            : token;
    }

    /// <summary>"Ave N W" and "Ave N.W." → "northwest", after a street type at the end of the street.</summary>
    private static string? SuffixDirectionPair(List<string> tokens, int i) =>
        i > 0 && i + 1 < tokens.Count && tokens[i] is ("n" or "s") && tokens[i + 1] is ("e" or "w") && IsStreetType(tokens[i - 1])
            && EndsStreet(tokens, i + 1, afterType: false)
            ? Directions[tokens[i] + tokens[i + 1]]
            : null;

    /// <summary>After a street type and last, or before a unit or a number: "Queen St W", "Main St E Apt 2".</summary>
    private static bool EndsStreet(List<string> tokens, int i, bool afterType = true) =>
        (!afterType || i > 0 && IsStreetType(tokens[i - 1]))
        && (i == tokens.Count - 1 || HasDigit(tokens[i + 1]) || IsDesignator(tokens[i + 1]));

    /// <summary>The first word of the line or the first after a house number: where Saint and a prefix direction stand.</summary>
    private static bool StartsName(List<string> tokens, int i) => i == 0 || HasDigit(tokens[i - 1]);

    /// <summary>"p o box", "post office box", "pob", "postfach", "postbus" → "po box".</summary>
    private static List<string> PostBoxes(string[] tokens)
    {
        var result = new List<string>(tokens.Length);
        for (var i = 0; i < tokens.Length; i++)
        {
            var skip = Matches(tokens, i, "p", "o", "box") ? 2 : Matches(tokens, i, "post", "office", "box") ? 2 : -1;
            if (skip < 0 && tokens[i] is not ("pob" or "postfach" or "postbus"))
            {
                result.Add(tokens[i]);
                continue;
            }
            result.Add("po");
            result.Add("box");
            i += Math.Max(skip, 0);
        }
        return result;
    }

    private static bool Matches(string[] tokens, int i, params string[] words)
    {
        if (i + words.Length > tokens.Length)
        {
            return false;
        }
        for (var k = 0; k < words.Length; k++)
        {
            if (tokens[i + k] != words[k])
            {
                return false;
            }
        }
        return true;
    }
}
