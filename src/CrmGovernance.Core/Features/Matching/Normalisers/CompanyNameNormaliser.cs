namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// Company names without legal form and punctuation: "The ACME Widgets Co., Ltd." → "acme widgets". A name that is
/// nothing but a legal form keeps it.
/// </summary>
public static class CompanyNameNormaliser
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "gmbh", "mbh", "inc", "incorporated", "llc", "llp", "lp", "plc", "sa", "sas", "sarl", "srl", "spa",
        "ag", "kg", "ohg", "bv", "nv", "pty", "pte", "co", "corp", "corporation", "company", "ab", "as", "asa", "oy",
        "oyj", "kk", "sl", "sro", "lda", "ltda", "cv", "se", "ug", "bhd", "sdn", "group", "holding", "holdings", "and",
    };

    /// <summary>The canonical form; hostile input that one pass leaves half-cleaned is passed again until it is stable.</summary>
    public static string? Normalise(string? value) => StableForm.Of(value, Once);

    private static string? Once(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // "S.A." and "L.L.C." read as one token once their dots go; "&" is "and".
        var folded = TextNormaliser.Fold(value.Replace(".", "", StringComparison.Ordinal).Replace("&", " and ", StringComparison.Ordinal));
        if (folded is null)
        {
            return null;
        }
        var tokens = folded.Split(' ');
        int start = 0, end = tokens.Length;
        while (end - start > 1 && tokens[start] == "the")
        {
            start++;
        }
        while (end > start && LegalForms.Contains(tokens[end - 1]))
        {
            end--;
        }
        return end == start ? folded : start == 0 && end == tokens.Length ? folded : string.Join(' ', tokens, start, end - start);
    }
}
