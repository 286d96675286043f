using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Core.Tests.Features.Matching.Blocking;

/// <summary>
/// Identical copies of a record stand behind one of them in blocking, so they never fill an oversized block's window;
/// each copy still lands in its cluster and in the pairs.
/// </summary>
public sealed class IdenticalCopiesTests
{
    private static MatchRecord Company(string id, string name) => new(id, new Dictionary<string, string?> { [MatchAttributes.Company] = name });

    [Fact]
    public void A_spelling_beyond_a_window_full_of_copies_is_still_reached()
    {
        var model = MatchModel.Compile(DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid()));
        // 200 identical records, then 40 unrelated names sharing the first four letters (a block far past 32), then the
        // one other spelling of the company: only the copies' window, not their number, stands between them.
        var records = Enumerable.Range(0, 200).Select(i => Company($"copy{i:000}", "Gloeilampenfabrieken Zuid N.V.")).ToList();
        records.AddRange(Enumerable.Range(0, 40).Select(i => Company($"other{i:00}", $"Gloeilampenhandel {(char)('a' + i % 26)}{i} B.V.")));
        records.Add(Company("spelling", "GLOEILAMPENFABRIEKEN ZUID, EINDHOVEN"));

        var result = DuplicateFinder.Find(model, records, null, CancellationToken.None);

        var cluster = result.Clusters.Single(c => c.Contains("copy000"));
        Assert.Equal(201, cluster.Count);
        Assert.Contains("spelling", cluster);
        Assert.DoesNotContain(cluster, id => id.StartsWith("other", StringComparison.Ordinal));
        Assert.All(Enumerable.Range(1, 199), i => Assert.Contains(result.Pairs, p => p.LeftId == "copy000" && p.RightId == $"copy{i:000}"));
    }

    [Fact]
    public void Copies_are_scored_once_each_against_the_record_that_stands_for_them()
    {
        var model = MatchModel.Compile(DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid()));
        var records = Enumerable.Range(0, 5).Select(i => Company($"c{i}", "Acme Widgets Ltd")).ToList();

        var result = DuplicateFinder.Find(model, records, null, CancellationToken.None);

        Assert.Equal(4, result.CandidatePairs);
        Assert.Equal(["c0", "c1", "c2", "c3", "c4"], Assert.Single(result.Clusters));
        Assert.Equal(4, result.Pairs.Count);
    }

    [Theory]
    [InlineData("koninklijke philips electronics", "philips electronics")]
    [InlineData("philips gloeilampenfabrieken", "philips")]
    [InlineData("shell internationale research maatschappij", "shell international research maatschappij")]
    public void Names_sharing_most_of_their_words_meet_under_a_word_key_whatever_stands_first(string left, string right)
    {
        var rule = DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid()) with { BlockingKeys = ["company.word1", "company.word2", "company.word3"] };
        var model = MatchModel.Compile(rule);

        var leftKeys = model.BlockingKeys(model.Prepare(Company("a", left)));
        var rightKeys = model.BlockingKeys(model.Prepare(Company("b", right)));

        Assert.NotEmpty(leftKeys.Intersect(rightKeys, StringComparer.Ordinal));
    }

    [Fact]
    public void A_word_key_is_the_same_whatever_order_the_words_stand_in()
    {
        var rule = DefaultMatchRules.Company(Guid.NewGuid(), Guid.NewGuid()) with { BlockingKeys = ["company.word1", "company.word2"] };
        var model = MatchModel.Compile(rule);

        Assert.Equal(model.BlockingKeys(model.Prepare(Company("a", "Alpha Beta Gamma"))), model.BlockingKeys(model.Prepare(Company("b", "Gamma Alpha Beta"))));
    }
}
