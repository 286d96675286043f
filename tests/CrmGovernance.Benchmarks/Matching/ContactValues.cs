using System.Collections;
using System.Diagnostics.CodeAnalysis;
using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// One synthetic contact's raw values, read by the matcher as a <see cref="MatchRecord"/>'s values. Seven fields instead
/// of a dictionary per record: a million records then cost their strings and little more. Every attribute is present;
/// a missing value is null, as <see cref="MatchFields"/> gives it for a mapped field a record leaves empty.
/// </summary>
internal sealed record ContactValues(string? FirstName, string? LastName, string? Email, string? Phone, string? Dob, string? City, string? Postcode)
    : IReadOnlyDictionary<string, string?>
{
    private static readonly string[] AttributeNames =
    [
        MatchAttributes.FirstName, MatchAttributes.LastName, MatchAttributes.Email, MatchAttributes.Phone, MatchAttributes.Dob,
        MatchAttributes.City, MatchAttributes.Postcode,
    ];

    public int Count => AttributeNames.Length;

    public IEnumerable<string> Keys => AttributeNames;

    public IEnumerable<string?> Values => AttributeNames.Select(name => this[name]);

    public string? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"No attribute \"{key}\".");

    public bool ContainsKey(string key) => AttributeNames.Contains(key, StringComparer.Ordinal);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string? value)
    {
        (var known, value) = key switch
        {
            MatchAttributes.FirstName => (true, FirstName),
            MatchAttributes.LastName => (true, LastName),
            MatchAttributes.Email => (true, Email),
            MatchAttributes.Phone => (true, Phone),
            MatchAttributes.Dob => (true, Dob),
            MatchAttributes.City => (true, City),
            MatchAttributes.Postcode => (true, Postcode),
            _ => (false, null),
        };
        return known;
    }

    public IEnumerator<KeyValuePair<string, string?>> GetEnumerator()
    {
        foreach (var name in AttributeNames)
        {
            yield return new KeyValuePair<string, string?>(name, this[name]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
