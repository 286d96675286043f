using System.Globalization;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Deterministic synthetic contacts (same seed, same records): people written down once each, a quarter of them also
/// one to three more times with corruptions, in shuffled order; 4 % of people are household members of someone
/// already made. Keeps the people it made, so <see cref="Incoming"/> can copy existing ones.
/// </summary>
internal sealed class ContactGenerator
{
    private const int DuplicatedPercent = 25;
    private const int HouseholdPercent = 4;
    private static readonly int[] CopyWeights = [55, 30, 15];

    private readonly Random _random;
    private readonly PersonFactory _people;
    private readonly ContactCorruptor _corruptor;
    private readonly List<Person> _persons = [];

    public ContactGenerator(int seed)
    {
        _random = new Random(seed);
        _people = new PersonFactory(_random);
        _corruptor = new ContactCorruptor(_random, _people);
    }

    public SyntheticContacts Generate(int count)
    {
        var values = new ContactValues[count];
        var entities = new int[count];
        var filled = 0;
        var duplicated = 0;
        while (filled < count)
        {
            var entity = _persons.Count;
            var person = NewPerson();
            values[filled] = ContactFormats.Original(person, _random);
            entities[filled++] = entity;
            if (_random.Next(100) < DuplicatedPercent)
            {
                duplicated++;
                for (var copies = 1 + Weights.Pick(_random, CopyWeights, 100); copies > 0 && filled < count; copies--)
                {
                    values[filled] = _corruptor.Duplicate(person);
                    entities[filled++] = entity;
                }
            }
        }
        // Shuffled, so that a scan cannot profit from duplicates sitting next to their original.
        for (var i = count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
            (entities[i], entities[j]) = (entities[j], entities[i]);
        }
        var records = new MatchRecord[count];
        for (var i = 0; i < count; i++)
        {
            records[i] = new MatchRecord(SyntheticContacts.IdOf(i), values[i]);
        }
        return new SyntheticContacts(records, entities, Statistics(count, duplicated));
    }

    /// <summary>
    /// <paramref name="count"/> new records after <paramref name="existing"/>: half are another record of an existing
    /// person (corrupted as duplicates are), half new people (4 % of them household members of someone existing).
    /// </summary>
    public IReadOnlyList<IncomingContact> Incoming(SyntheticContacts existing, int count)
    {
        var incoming = new IncomingContact[count];
        for (var i = 0; i < count; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"I{i:D7}");
            if (_random.Next(2) == 0)
            {
                var entity = existing.EntityOf[_random.Next(existing.Records.Count)];
                incoming[i] = new IncomingContact(new MatchRecord(id, _corruptor.Duplicate(_persons[entity])), entity, IsDuplicate: true);
            }
            else
            {
                var entity = _persons.Count;
                incoming[i] = new IncomingContact(new MatchRecord(id, ContactFormats.Original(NewPerson(), _random)), entity, IsDuplicate: false);
            }
        }
        return incoming;
    }

    private Person NewPerson()
    {
        var person = _persons.Count > 0 && _random.Next(100) < HouseholdPercent
            ? _people.HouseholdMember(_persons[_random.Next(_persons.Count)])
            : _people.NewPerson();
        _persons.Add(person);
        return person;
    }

    private List<string> Statistics(int count, int duplicated)
    {
        var c = CultureInfo.InvariantCulture;
        var applied = _corruptor.Applied;
        var duplicates = count - _persons.Count;
        var corruptions = string.Join(", ", Enum.GetValues<Corruption>().Select(kind => string.Create(c, $"{kind} {applied[(int)kind]:N0}")));
        return
        [
            string.Create(c, $"people: {_persons.Count:N0}, {duplicated:N0} of them ({100.0 * duplicated / _persons.Count:F1} %) with duplicates; {_people.Households:N0} household members of another person ({_people.Twins:N0} twins)"),
            string.Create(c, $"records: {count:N0} = {_persons.Count:N0} originals + {duplicates:N0} duplicates ({100.0 * duplicates / count:F1} % of records)"),
            string.Create(c, $"distinct surnames: {_people.DistinctSurnames:N0}"),
            string.Create(c, $"corruptions in duplicates ({applied.Sum() / Math.Max(1.0, duplicates):F2} a duplicate): {corruptions}"),
        ];
    }
}
