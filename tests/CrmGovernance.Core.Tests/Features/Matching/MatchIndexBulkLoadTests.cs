using CrmGovernance.Core.Features.Configuration.MatchRules;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Matching.Blocking;

namespace CrmGovernance.Core.Tests.Features.Matching;

/// <summary>
/// <see cref="MatchIndex.PutRange(IReadOnlyList{MatchRecord})"/> sorts a batch's keys once and builds the blocks from
/// them: it must leave the index answering exactly as one <see cref="MatchIndex.Put"/> a record would, oversized
/// blocks (searched by window) included, and through later changes.
/// </summary>
public sealed class MatchIndexBulkLoadTests
{
    private static readonly MatchModel Model = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Guid.NewGuid()));
    private static readonly IReadOnlyList<MatchRecord> Records = LabelledDataset.Febrl3.Records;

    /// <summary>Blocks over this size are searched by window: with 2 almost every shared key is.</summary>
    private static readonly BlockingLimits Tight = new(MaxBlockSize: 2, Window: 1);

    public static TheoryData<int, int> Limits => new() { { 8, 3 }, { 4, 2 }, { 2, 1 } };

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_bulk_built_index_gives_the_same_candidates_as_one_built_by_puts(int maxBlockSize, int window)
    {
        var limits = new BlockingLimits(maxBlockSize, window);
        var bulk = new MatchIndex(Model, limits);
        var byPuts = new MatchIndex(Model, limits);

        bulk.PutRange(Records);
        PutEach(byPuts, Records);

        Assert.True(LargestBlock(Records) > maxBlockSize, "no block is searched by window");
        Assert.Equal(Records.Count, bulk.Count);
        Assert.Equal(IndexAnswers.Of(byPuts, IndexAnswers.Queries(Records)), IndexAnswers.Of(bulk, IndexAnswers.Queries(Records)));
    }

    [Fact]
    public void A_bulk_built_index_changed_by_puts_removes_and_more_batches_answers_as_one_built_by_puts()
    {
        var bulk = new MatchIndex(Model, Tight);
        var byPuts = new MatchIndex(Model, Tight);
        var first = Records.Take(3_000).ToList();
        bulk.PutRange(first);
        PutEach(byPuts, first);

        foreach (var index in new[] { bulk, byPuts })
        {
            foreach (var record in first.Where((_, i) => i % 13 == 0))
            {
                index.Remove(record.Id);
            }
            PutEach(index, Records.Skip(3_000).Take(500));
            PutEach(index, Moved(first.Where((_, i) => i % 7 == 1)));
        }
        // A second batch into the changed index: new ids, replaced ids and ids removed above, merged into existing blocks.
        var second = Records.Skip(3_500).Concat(Moved(first.Where((_, i) => i % 5 == 2))).Concat(first.Where((_, i) => i % 26 == 0)).ToList();
        bulk.PutRange(second);
        PutEach(byPuts, second);

        Assert.Equal(byPuts.Count, bulk.Count);
        Assert.Equal(IndexAnswers.Of(byPuts, IndexAnswers.Queries(Records)), IndexAnswers.Of(bulk, IndexAnswers.Queries(Records)));
    }

    [Fact]
    public void PutRange_replaces_records_already_in_the_index()
    {
        var bulk = new MatchIndex(Model, Tight);
        var byPuts = new MatchIndex(Model, Tight);
        PutEach(bulk, Records);
        PutEach(byPuts, Records);
        var moved = Moved(Records.Where((_, i) => i % 4 == 0)).ToList();

        bulk.PutRange(moved);
        PutEach(byPuts, moved);

        Assert.Equal(Records.Count, bulk.Count);
        Assert.Equal(IndexAnswers.Of(byPuts, IndexAnswers.Queries(Records)), IndexAnswers.Of(bulk, IndexAnswers.Queries(Records)));
        var index = new MatchIndex(Model);
        index.PutRange([Person("p-1", "Robert", "Smith", "robert.smith@example.com"), Person("p-2", "Ann", "Lee", "ann.lee@example.com")]);
        index.PutRange([Person("p-1", "Alice", "Jones", "alice.jones@example.com")]);
        Assert.Equal(2, index.Count);
        Assert.DoesNotContain(index.Match(Person("in", "Robert", "Smith", "robert.smith@example.com")), c => c.Id == "p-1");
        Assert.Equal("p-1", Assert.Single(index.Match(Person("in", "Alice", "Jones", "alice.jones@example.com"))).Id);
    }

    [Fact]
    public void PutRange_with_an_id_twice_keeps_the_last_like_puts_in_order()
    {
        var batch = new List<MatchRecord>(Records.Take(400));
        batch.AddRange(Moved(Records.Take(400).Where((_, i) => i % 3 == 0)));
        batch.AddRange(Moved(Records.Take(400).Where((_, i) => i % 6 == 0)).Select(r => r with { Values = Records[^1].Values }));
        var bulk = new MatchIndex(Model, Tight);
        var byPuts = new MatchIndex(Model, Tight);

        bulk.PutRange(batch);
        PutEach(byPuts, batch);

        Assert.Equal(400, bulk.Count);
        Assert.Equal(IndexAnswers.Of(byPuts, IndexAnswers.Queries(Records.Take(800))), IndexAnswers.Of(bulk, IndexAnswers.Queries(Records.Take(800))));
        var index = new MatchIndex(Model);
        index.PutRange(
        [
            Person("p-1", "Robert", "Smith", "robert.smith@example.com"), Person("p-2", "Ann", "Lee", "ann.lee@example.com"),
            Person("p-1", "Alice", "Jones", "alice.jones@example.com"),
        ]);
        index.PutRange([]);
        Assert.Equal(2, index.Count);
        Assert.Empty(index.Match(Person("in", "Robert", "Smith", "robert.smith@example.com")));
        Assert.Equal("p-1", Assert.Single(index.Match(Person("in", "Alice", "Jones", "alice.jones@example.com"))).Id);
    }

    private static void PutEach(MatchIndex index, IEnumerable<MatchRecord> records)
    {
        foreach (var record in records)
        {
            index.Put(record);
        }
    }

    /// <summary>Each record under its id with another record's values (so it moves to other blocks and other places in them).</summary>
    private static IEnumerable<MatchRecord> Moved(IEnumerable<MatchRecord> records) =>
        records.Select((r, i) => r with { Values = Records[(i * 7919 + 11) % Records.Count].Values });

    private static int LargestBlock(IEnumerable<MatchRecord> records) =>
        records.SelectMany(r => Model.BlockingKeys(Model.Prepare(r))).CountBy(k => k).Max(g => g.Value);

    private static MatchRecord Person(string id, string first, string last, string email) => new(id, new Dictionary<string, string?>
    {
        [MatchAttributes.FirstName] = first, [MatchAttributes.LastName] = last, [MatchAttributes.Email] = email,
    });
}
