using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Tests.Features.Matching.Normalisers;

/// <summary>Address parts as "number|street|unit|city|state|postcode|country" (empty for null), and joined back into a line.</summary>
internal static class AddressPartsText
{
    public static string Of(AddressParts? parts) => parts is null
        ? "(null)"
        : string.Join('|', parts.StreetNumber, parts.Street, parts.Unit, parts.City, parts.State, parts.Postcode, parts.Country);

    /// <summary>"unit, number street, city, state postcode, country", leaving out what is null.</summary>
    public static string Joined(AddressParts parts) => string.Join(", ", new[]
    {
        parts.Unit, Words(parts.StreetNumber, parts.Street), parts.City, Words(parts.State, parts.Postcode), parts.Country,
    }.Where(p => !string.IsNullOrEmpty(p)));

    private static string Words(string? first, string? second) => $"{first} {second}".Trim();
}
