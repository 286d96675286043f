using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching.Blocking;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching.Blocking;

public sealed class BlockingTests
{
    private const int Namesakes = 5_000;

    [Fact]
    public void Identical_records_that_share_no_blocking_key_are_never_compared()
    {
        var model = MatchModel.Compile(EmailBlockedRule());
        var records = new[]
        {
            Person("a", "Ann", "Jones", "ann.jones@example.com"),
            Person("b", "Ann", "Jones", "a.jones@example.org"),
            Person("c", "Ann", "Jones", "ANN.JONES@example.com"),
        };

        var result = DuplicateFinder.Find(model, records, null, CancellationToken.None);

        Assert.Equal(1, result.CandidatePairs);
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(("a", "c"), (pair.LeftId, pair.RightId));
        Assert.Equal(["a", "c"], Assert.Single(result.Clusters));
    }

    [Fact]
    public void Every_pair_found_in_febrl3_shares_a_blocking_key()
    {
        var model = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()));
        var records = LabelledDataset.Febrl3.Records;
        var keys = records.ToDictionary(r => r.Id, r => model.BlockingKeys(model.Prepare(r)).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var result = DuplicateFinder.Find(model, records, null, CancellationToken.None);

        Assert.NotEmpty(result.Pairs);
        Assert.All(result.Pairs, p => Assert.True(keys[p.LeftId].Overlaps(keys[p.RightId]), $"{p.LeftId} and {p.RightId} share no key"));
        Assert.True(result.CandidatePairs < (long)records.Count * 10, $"{result.CandidatePairs} candidate pairs for {records.Count} records");
    }

    [Fact]
    public void An_oversized_block_is_capped_yet_finds_the_twin_sorted_beside_a_record()
    {
        var model = MatchModel.Compile(SurnameBlockedRule());
        var records = Enumerable.Range(0, Namesakes).Select(i => Person($"p{i}", FirstName(i), "Smith", $"person{i}@example.com")).ToList();
        records.Add(Person("twin", FirstName(1234), "Smith", "person1234@example.com"));

        var result = DuplicateFinder.Find(model, records, null, CancellationToken.None);

        var limits = BlockingLimits.Default;
        Assert.True(result.CandidatePairs <= limits.PairsOf(records.Count), $"{result.CandidatePairs} candidate pairs in one block of {records.Count}");
        Assert.True(result.CandidatePairs < (long)records.Count * (records.Count - 1) / 2 / 100);
        Assert.Equal(["p1234", "twin"], Assert.Single(result.Clusters));
    }

    [Fact]
    public void The_default_contact_rule_stays_within_its_pair_budget_when_everyone_shares_a_surname()
    {
        var model = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()));
        var records = Enumerable.Range(0, Namesakes)
            .Select(i => Person($"p{i}", FirstName(i % 40), "Smith", $"person{i}@example.com", city: "Leeds", dob: $"19{50 + i % 40}-0{1 + i % 9}-1{i % 10}"))
            .ToList();

        var result = DuplicateFinder.Find(model, records, null, CancellationToken.None);

        Assert.True(result.CandidatePairs <= (long)BlockingLimits.Default.MaxPairsPerRecord * Namesakes,
            $"{result.CandidatePairs} candidate pairs for {Namesakes} records");
    }

    [Fact]
    public void The_match_index_caps_an_oversized_block_too()
    {
        var model = MatchModel.Compile(SurnameBlockedRule());
        var index = new MatchIndex(model);
        for (var i = 0; i < Namesakes; i++)
        {
            index.Put(Person($"p{i}", FirstName(i), "Smith", $"person{i}@example.com"));
        }

        var candidates = index.Match(Person("incoming", FirstName(1234), "Smith", "person1234@example.com"));

        Assert.True(index.Compared <= 2 * BlockingLimits.Default.Window + 1, $"{index.Compared} records compared");
        Assert.Equal("p1234", candidates[0].Id);
    }

    /// <summary>5,000 distinct made-up given names: syllables in base 20.</summary>
    private static string FirstName(int i)
    {
        string[] syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "ba", "do", "fi", "gu", "ha", "ji", "pe", "qu", "wa", "xi", "yo"];
        return syllables[i % 20] + syllables[i / 20 % 20] + syllables[i / 400 % 20] + "n";
    }

    private static MatchRecord Person(string id, string first, string last, string email, string? city = null, string? dob = null) =>
        new(id, new Dictionary<string, string?>
        {
            [MatchAttributes.FirstName] = first, [MatchAttributes.LastName] = last, [MatchAttributes.Email] = email,
            [MatchAttributes.City] = city, [MatchAttributes.Dob] = dob,
        });

    /// <summary>Names weigh a lot, but only records with one email are ever compared.</summary>
    private static MatchRule EmailBlockedRule() => new()
    {
        Id = Guid.NewGuid(),
        ObjectId = Guid.NewGuid(),
        PriorWeight = -2,
        AutoMatchThreshold = 0.9,
        ReviewThreshold = 0.6,
        Comparisons =
        [
            new MatchComparison { Attribute = MatchAttributes.FirstName, Comparator = ComparatorKind.Exact, Levels = [new MatchLevel(1, 10)], MismatchWeight = -10 },
            new MatchComparison { Attribute = MatchAttributes.LastName, Comparator = ComparatorKind.Exact, Levels = [new MatchLevel(1, 10)], MismatchWeight = -10 },
        ],
        BlockingKeys = ["email"],
    };

    /// <summary>Everyone in one block ("smith"); first name and email decide.</summary>
    private static MatchRule SurnameBlockedRule() => new()
    {
        Id = Guid.NewGuid(),
        ObjectId = Guid.NewGuid(),
        PriorWeight = -2,
        AutoMatchThreshold = 0.9,
        ReviewThreshold = 0.6,
        Comparisons =
        [
            new MatchComparison { Attribute = MatchAttributes.FirstName, Comparator = ComparatorKind.Exact, Levels = [new MatchLevel(1, 6)], MismatchWeight = -6 },
            new MatchComparison { Attribute = MatchAttributes.Email, Comparator = ComparatorKind.Exact, Levels = [new MatchLevel(1, 6)], MismatchWeight = -6 },
        ],
        BlockingKeys = ["last_name"],
    };
}
