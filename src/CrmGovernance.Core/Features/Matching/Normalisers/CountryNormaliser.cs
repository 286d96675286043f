using CrmGovernance.Core.Features.Matching.Normalisers.Addresses;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// A country as its lower-case ISO 3166 code when it is a known name or code ("United Kingdom", "U.K.", "GB" → "gb"),
/// so that a country field and the country read from a one-line address meet; anything else folded.
/// </summary>
public static class CountryNormaliser
{
    public static string? Normalise(string? value)
    {
        var folded = TextNormaliser.Fold(value);
        if (folded is null)
        {
            return null;
        }
        if (AddressCountries.CodeOf(folded) is { } code)
        {
            return code.ToLowerInvariant();
        }
        return folded;
    }
}
