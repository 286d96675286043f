using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// A record's one-line address (<see cref="MatchAttributes.Address"/>), read into parts the first time a part is asked
/// for: what a rule compares as street, number, unit (address2), city, state, postcode or country when the record has
/// no field of its own for it.
/// </summary>
internal struct OneLineAddress(string? line, string region)
{
    private AddressParts? _parts;
    private bool _read;

    public string? Part(string attribute)
    {
        if (line is null || !IsPart(attribute))
        {
            return null;
        }
        if (!_read)
        {
            _parts = AddressLineParser.Parse(line, region);
            _read = true;
        }
        return attribute switch
        {
            MatchAttributes.Street => _parts?.Street,
            MatchAttributes.StreetNumber => _parts?.StreetNumber,
            MatchAttributes.Address2 => _parts?.Unit,
            MatchAttributes.City => _parts?.City,
            MatchAttributes.State => _parts?.State,
            MatchAttributes.Postcode => _parts?.Postcode,
            MatchAttributes.Country => _parts?.Country,
            _ => null,
        };
    }

    private static bool IsPart(string attribute) => attribute is MatchAttributes.Street or MatchAttributes.StreetNumber or MatchAttributes.Address2
        or MatchAttributes.City or MatchAttributes.State or MatchAttributes.Postcode or MatchAttributes.Country;
}
