namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Person names as folded tokens ("Dr. José O'Brien-Smith Jr" → "jose obrien smith"): titles before the name and
/// generational suffixes after it dropped; and a full name split into first and last name.
/// </summary>
public static class PersonNameNormaliser
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "fr", "lord", "lady",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal)
    {
        "jr", "jnr", "sr", "snr", "ii", "iii", "iv", "phd", "md", "esq",
    };

    public static string? Normalise(string? value)
    {
        var folded = TextNormaliser.Fold(value);
        if (folded is null || !folded.Contains(' ', StringComparison.Ordinal))
        {
            return folded;
        }
        var tokens = folded.Split(' ');
        int start = 0, end = tokens.Length;
        while (end - start > 1 && Titles.Contains(tokens[start]))
        {
            start++;
        }
        while (end - start > 1 && Suffixes.Contains(tokens[end - 1]))
        {
            end--;
        }
        return start == 0 && end == tokens.Length ? folded : string.Join(' ', tokens, start, end - start);
    }

    /// <summary>
    /// First and last name of a full name: "Last, First" when there is a comma, else the last token is the last name
    /// and the tokens before it the first name. A single token is taken as the last name.
    /// </summary>
    public static (string? First, string? Last) Split(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return (null, null);
        }
        var comma = fullName.IndexOf(',', StringComparison.Ordinal);
        if (comma >= 0)
        {
            var last = Normalise(fullName[..comma]);
            var first = Normalise(fullName[(comma + 1)..]);
            return last is null ? (null, first) : (first, last);
        }
        var name = Normalise(fullName);
        if (name is null)
        {
            return (null, null);
        }
        var space = name.LastIndexOf(' ');
        return space < 0 ? (null, name) : (name[..space], name[(space + 1)..]);
    }
}
