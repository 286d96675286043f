using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching.Comparators;
using CrmGovernance.Core.Features.Matching.Normalisers;

namespace CrmGovernance.Core.Features.Matching.Scoring;

/// <summary>
/// Turns raw records into <see cref="PreparedRecord"/>s for one model: names split and normalised once per distinct
/// name (<see cref="NamePart"/>s shared between records), values normalised per attribute, and the values of
/// attributes that repeat (city, state, country) shared too, so a million records do not hold a million "london"s.
/// </summary>
internal sealed class RecordPreparer
{
    private static readonly HashSet<string> Repeating = new(StringComparer.Ordinal)
    {
        MatchAttributes.City, MatchAttributes.State, MatchAttributes.Country, MatchAttributes.Address2,
    };

    private readonly string[] _attributes;
    private readonly bool[] _codedSlots;
    private readonly PhoneticCache _phonetic;
    private readonly BoundedCache<NamePart> _names = new(text => new NamePart(text));
    private readonly BoundedCache<CompanyName> _companies = new(text => new CompanyName(text));
    private readonly BoundedCache<string?>?[] _shared;

    public RecordPreparer(string[] attributes, bool[] codedSlots, string phoneRegion, PhoneticCache phonetic)
    {
        _attributes = attributes;
        _codedSlots = codedSlots;
        _phonetic = phonetic;
        _shared = [.. attributes.Select(a => Repeating.Contains(a) ? new BoundedCache<string?>(raw => AttributeNormaliser.Normalise(a, raw, phoneRegion)) : null)];
        PhoneRegion = phoneRegion;
    }

    public string PhoneRegion { get; }

    public PreparedRecord Prepare(MatchRecord record)
    {
        var raw = record.Values;
        string? firstName = PersonNameNormaliser.Normalise(Raw(raw, MatchAttributes.FirstName));
        string? lastName = PersonNameNormaliser.Normalise(Raw(raw, MatchAttributes.LastName));
        if (firstName is null && lastName is null)
        {
            (firstName, lastName) = PersonNameNormaliser.Split(Raw(raw, MatchAttributes.FullName));
        }
        var first = firstName is null ? null : _names.Get(firstName);
        var last = lastName is null ? null : _names.Get(lastName);
        var values = new string?[_attributes.Length];
        var address = new OneLineAddress(Raw(raw, MatchAttributes.Address), PhoneRegion);
        (string, string)[]? codes = null;
        for (var slot = 0; slot < values.Length; slot++)
        {
            var attribute = _attributes[slot];
            values[slot] = attribute switch
            {
                // The shared name text, not the freshly normalised copy.
                MatchAttributes.FirstName => first?.Text,
                MatchAttributes.LastName => last?.Text,
                MatchAttributes.FullName => first is null ? last?.Text : last is null ? first.Text : first.Text + " " + last.Text,
                _ => Normalise(slot, attribute, Raw(raw, attribute) ?? address.Part(attribute)),
            };
            if (_codedSlots[slot] && values[slot] is { } value)
            {
                codes ??= new (string, string)[values.Length];
                codes[slot] = _phonetic.Encode(value);
            }
        }
        var companySlot = Array.IndexOf(_attributes, MatchAttributes.Company);
        var company = companySlot >= 0 && values[companySlot] is { } name ? _companies.Get(name) : null;
        return new PreparedRecord { Id = record.Id, Values = values, Codes = codes, First = first, Last = last, Company = company, Attributes = _attributes };
    }

    private string? Normalise(int slot, string attribute, string? raw) =>
        raw is null ? null : _shared[slot] is { } cache ? cache.Get(raw) : AttributeNormaliser.Normalise(attribute, raw, PhoneRegion);

    private static string? Raw(IReadOnlyDictionary<string, string?> values, string attribute) =>
        values.TryGetValue(attribute, out var value) ? value : null;
}
