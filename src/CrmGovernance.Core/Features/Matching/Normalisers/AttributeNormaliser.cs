using CrmGovernance.Core.Features.Configuration.MatchRules;

namespace CrmGovernance.Core.Features.Matching.Normalisers;

/// <summary>Chooses the normaliser by attribute (<see cref="MatchAttributes"/>): a match rule names attributes, not normalisers.</summary>
public static class AttributeNormaliser
{
    /// <summary>The value normalised for its attribute; null when it is empty or says nothing (a free-mail website).</summary>
    public static string? Normalise(string attribute, string? value, string defaultRegion) => attribute switch
    {
        MatchAttributes.FirstName or MatchAttributes.LastName or MatchAttributes.FullName => PersonNameNormaliser.Normalise(value),
        MatchAttributes.Email => EmailNormaliser.Normalise(value),
        MatchAttributes.Phone => PhoneNormaliser.Normalise(value, defaultRegion),
        MatchAttributes.Dob => DateNormaliser.Normalise(value),
        MatchAttributes.StreetNumber or MatchAttributes.Postcode or MatchAttributes.NationalId => CodeNormaliser.AlphaNumeric(value),
        MatchAttributes.Street or MatchAttributes.Address2 => AddressNormaliser.Normalise(value),
        MatchAttributes.Company => CompanyNameNormaliser.Normalise(value),
        MatchAttributes.Website => WebDomainNormaliser.ForCompany(value),
        MatchAttributes.Country => CountryNormaliser.Normalise(value),
        _ => TextNormaliser.Fold(value),
    };
}
