namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// A record normalised for a <see cref="MatchModel"/>: what scoring and blocking read. Values are normalised once,
/// here, so that comparing a pair allocates nothing.
/// </summary>
public sealed class PreparedRecord
{
    public required string Id { get; init; }

    /// <summary>The normalised values by the model's attribute slots (null when missing).</summary>
    internal string?[] Values { get; init; } = [];

    /// <summary>Phonetic codes by slot, for the slots a phonetic comparison reads; null otherwise.</summary>
    internal (string Primary, string Alternate)[]? Codes { get; init; }

    /// <summary>First and last name (from first_name/last_name, or split from full_name).</summary>
    internal NamePart? First { get; init; }

    internal NamePart? Last { get; init; }

    /// <summary>The company name's words, when the model reads a company.</summary>
    internal CompanyName? Company { get; init; }

    /// <summary>The model's attribute slots, shared by all its records.</summary>
    internal IReadOnlyList<string> Attributes { get; init; } = [];

    /// <summary>The normalised value of an attribute the model reads, or null (missing or not read by the model).</summary>
    public string? Normalised(string attribute)
    {
        for (var i = 0; i < Attributes.Count; i++)
        {
            if (string.Equals(Attributes[i], attribute, StringComparison.Ordinal))
            {
                return Values[i];
            }
        }
        return null;
    }
}
