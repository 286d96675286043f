using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching.Scoring;

public sealed class ScoreExplanationTests
{
    private static readonly MatchModel Contact = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()), "GB");

    [Fact]
    public void Every_comparison_of_the_rule_is_explained_and_the_weights_add_up()
    {
        var left = Contact.Prepare(Record("a", "Robert", "Whitfield", "robert.whitfield@example.com", "+44 20 7946 0811", "1971-06-24", "Leeds"));
        var right = Contact.Prepare(Record("b", "Bob", "Whitfield", "Robert.Whitfield@Example.com", "020 7946 0811", "24/06/1971", null));

        var score = Contact.Score(left, right);

        Assert.Equal(Contact.Rule.Comparisons.Select(c => c.Attribute), score.Explanations.Select(e => e.Attribute));
        Assert.Equal(Contact.Rule.Comparisons.Select(c => c.Comparator.ToString()), score.Explanations.Select(e => e.Comparator));
        Assert.Equal(Contact.Rule.PriorWeight + score.Explanations.Sum(e => e.Weight), score.Weight, 9);
        var email = score.Explanations.Single(e => e.Attribute == MatchAttributes.Email);
        Assert.Equal(("robert.whitfield@example.com", "robert.whitfield@example.com", 1.0, "exact"), (email.Left, email.Right, email.Similarity!.Value, email.Level));
        var first = score.Explanations.Single(e => e.Attribute == MatchAttributes.FirstName);
        Assert.Equal(("robert", "bob"), (first.Left, first.Right));
        Assert.True(first.Weight > 0);
        var city = score.Explanations.Single(e => e.Attribute == MatchAttributes.City);
        Assert.Equal(("missing", 0.0), (city.Level, city.Weight));
        Assert.Null(city.Similarity);
        var mismatch = Contact.Score(left, Contact.Prepare(Record("c", "Ann", "Jones", null, null, null, null)))
            .Explanations.Single(e => e.Attribute == MatchAttributes.LastName);
        Assert.Equal("mismatch", mismatch.Level);
        Assert.True(mismatch.Weight < 0);
        Assert.Equal(MatchDecision.AutoMatch, score.Decision);
    }

    [Fact]
    public void Whole_records_score_the_same_both_ways()
    {
        var data = LabelledDataset.Fake1000.Records.Concat(LabelledDataset.Febrl3.Records).ToList();
        var prepared = data.Select(Contact.Prepare).ToList();
        var random = new Random(7);
        var byTruth = LabelledDataset.Fake1000.Truth.Concat(LabelledDataset.Febrl3.Truth.Select(t => KeyValuePair.Create(t.Key, "f" + t.Value)))
            .ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        // True pairs (where nicknames, swaps and typos meet) and random pairs.
        var pairs = prepared.Select((r, i) => (r, i)).GroupBy(x => byTruth[x.r.Id]).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(x => (g.First().r, x.r)))
            .Concat(Enumerable.Range(0, 5_000).Select(_ => (prepared[random.Next(prepared.Count)], prepared[random.Next(prepared.Count)])))
            .ToList();

        var asymmetric = pairs
            .Select(p => (p.Item1.Id, Other: p.Item2.Id, Forward: Contact.Score(p.Item1, p.Item2), Backward: Contact.Score(p.Item2, p.Item1)))
            .Where(s => !s.Forward.Weight.Equals(s.Backward.Weight) || s.Forward.Decision != s.Backward.Decision)
            .Select(s => $"{s.Id} / {s.Other}: {s.Forward.Weight} vs {s.Backward.Weight}")
            .ToList();

        Assert.True(pairs.Count > 5_000);
        Assert.True(asymmetric.Count == 0, $"{asymmetric.Count} of {pairs.Count} pairs score differently by direction:\n" + string.Join("\n", asymmetric.Take(10)));
    }

    [Fact]
    public void First_and_last_name_swapped_with_a_nickname_still_auto_matches()
    {
        var score = Contact.Score(
            Contact.Prepare(Record("a", "Robert", "Whitfield", "robert.whitfield@example.com", null, "1971-06-24", "Leeds")),
            Contact.Prepare(Record("b", "Whitfield", "Bob", "robert.whitfeld@example.com", null, "1971-06-24", "Leeds")));

        Assert.Equal(MatchDecision.AutoMatch, score.Decision);
    }

    private static MatchRecord Record(string id, string? first, string? last, string? email, string? phone, string? dob, string? city) =>
        new(id, new Dictionary<string, string?>
        {
            [MatchAttributes.FirstName] = first, [MatchAttributes.LastName] = last, [MatchAttributes.Email] = email,
            [MatchAttributes.Phone] = phone, [MatchAttributes.Dob] = dob, [MatchAttributes.City] = city,
        });
}
