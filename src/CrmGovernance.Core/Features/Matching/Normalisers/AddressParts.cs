namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>
/// An address line in normalised parts (<see cref="AddressLineParser"/>); null where the line says nothing.
/// </summary>
/// <param name="StreetNumber">"123", "12b", "10-12".</param>
/// <param name="Street">The street without its number and unit, as <see cref="AddressNormaliser"/> writes it: "north main street", "po box 123".</param>
/// <param name="Unit">Designator and value: "apartment 4b", "suite 200", "unit 4", "level 3".</param>
/// <param name="City">Folded, abbreviations spelled out: "san francisco", "saint louis".</param>
/// <param name="State">The lower-case code of a US state, Canadian province or Australian state: "il", "on", "nsw".</param>
/// <param name="Postcode">Lower case without spaces: "sw1a2aa", "5621ba", "m5h2n2"; a ZIP+4 as its five digits.</param>
/// <param name="Country">The upper-case ISO 3166 code of a country named at the end of the line: "GB", "US".</param>
public sealed record AddressParts(
    string? StreetNumber, string? Street, string? Unit, string? City, string? State, string? Postcode, string? Country);
