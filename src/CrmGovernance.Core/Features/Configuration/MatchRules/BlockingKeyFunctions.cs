using System.Globalization;

namespace CrmGovernance.Core.Features.Configuration.MatchRules;

/// <summary>The functions a blocking key part may apply to an attribute's normalised value, and what each gives.</summary>
public static class BlockingKeyFunctions
{
    /// <summary>Function names (a trailing N is a length, as in prefix3) and what they give, for editors and errors.</summary>
    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        ("exact", "the normalised value (the default)"),
        ("metaphone", "the primary Double Metaphone code of each word: names that sound alike meet"),
        ("initial", "the first character"),
        ("prefixN", "the first N characters, e.g. prefix3"),
        ("suffixN", "the last N characters, e.g. suffix6 of a phone number"),
        ("year", "the year of a date"),
        ("month", "the month of a date"),
        ("day", "the day of a date"),
        ("domain", "the part after @ of an email address (a website already is its domain)"),
        ("local", "the part before @ of an email address"),
        ("digits", "the digits only"),
        ("sorted", "the words in alphabetical order, so swapped names meet"),
        ("nickname", "each word as its formal given name (bob → robert)"),
        ("wordN", "one of the words (its first four letters), picked the same way by seed N wherever the words recur, e.g. "
            + "word1, word2: names sharing most of their words meet under one of them, whatever stands first"),
    ];

    private static readonly string[] WithLength = ["prefix", "suffix", "word"];

    /// <summary>Reads "prefix3", "metaphone" …; false with a message for anything else.</summary>
    public static bool TryParse(string text, out BlockingKeyFunction? function, out string error)
    {
        function = null;
        error = "";
        foreach (var name in WithLength)
        {
            if (text.StartsWith(name, StringComparison.Ordinal))
            {
                var digits = text[name.Length..];
                if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length) || length is < 1 or > 50)
                {
                    error = $"\"{text}\": {name} needs a length from 1 to 50, as in {name}3.";
                    return false;
                }
                function = new BlockingKeyFunction(name, length);
                return true;
            }
        }
        if (All.Any(f => f.Name == text && !f.Name.EndsWith('N')))
        {
            function = new BlockingKeyFunction(text);
            return true;
        }
        error = $"Unknown function \"{text}\": use one of {string.Join(", ", All.Select(f => f.Name))}.";
        return false;
    }
}
