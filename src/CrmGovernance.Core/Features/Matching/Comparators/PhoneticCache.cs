using CrmGovernance.Core.Features.Matching.Scoring;

namespace CrmGovernance.Core.Features.Matching.Comparators;

/// <summary>Double Metaphone codes by value, computed once per distinct value: names and cities repeat a lot.</summary>
internal sealed class PhoneticCache
{
    private readonly BoundedCache<(string, string)> _codes = new(value => DoubleMetaphone.Encode(value));
    private readonly BoundedCache<string> _wordCodes = new(WordCodes);

    public (string Primary, string Alternate) Encode(string value) => _codes.Get(value);

    /// <summary>The primary code of each word, space-separated ("isla hall" → "AL HL"): what the metaphone blocking function gives.</summary>
    public string EncodeWords(string value) => _wordCodes.Get(value);

    private static string WordCodes(string value) =>
        value.Contains(' ', StringComparison.Ordinal)
            ? string.Join(' ', value.Split(' ').Select(w => DoubleMetaphone.Encode(w).Primary).Where(c => c.Length > 0))
            : DoubleMetaphone.Encode(value).Primary;
}
