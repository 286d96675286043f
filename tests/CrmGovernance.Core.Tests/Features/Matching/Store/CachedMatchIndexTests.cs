using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Matching.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Tests.Features.Matching.Store;

/// <summary>A cached index reads the stored rows in bulk loads of a few rows at a time here, so every chunk boundary is crossed.</summary>
public sealed class CachedMatchIndexTests
{
    private static readonly Guid Crm = new("00000000-0000-4000-8000-00000000b101");
    private static readonly Guid Contact = new("00000000-0000-4000-8000-00000000b102");
    private static readonly MatchModel Model = MatchModel.Compile(DefaultMatchRules.Contact(Guid.NewGuid(), Contact));

    [Fact]
    public async Task An_index_read_in_chunks_answers_as_one_built_by_puts_and_follows_later_changes()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var store = new MatchIndexStore(contexts, host.Clock);
        var records = LabelledDataset.Febrl3.Records.Take(700).Select(Stored).ToList();
        var first = records.Take(600).ToList();
        await store.UpsertAsync(Crm, Contact, first, CancellationToken.None);
        var cached = new CachedMatchIndex(Crm, Contact, chunk: 37);
        var expected = new MatchIndex(Model);
        first.ForEach(expected.Put);

        var index = await cached.RefreshAsync(contexts, Model, CancellationToken.None);

        Assert.Equal(600, index.Count);
        Assert.Equal(IndexAnswers.Of(expected, IndexAnswers.Queries(records)), IndexAnswers.Of(index, IndexAnswers.Queries(records)));

        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var changed = first.Where((_, i) => i % 5 == 0).Select((r, i) => r with { Values = first[(i * 31 + 7) % first.Count].Values })
            .Concat(records.Skip(600)).ToList();
        var removed = first.Where((_, i) => i % 9 == 4).Select(r => r.Id).ToList();
        await store.UpsertAsync(Crm, Contact, changed, CancellationToken.None);
        await store.RemoveAsync(Crm, Contact, removed, CancellationToken.None);
        changed.ForEach(expected.Put);
        removed.ForEach(expected.Remove);

        index = await cached.RefreshAsync(contexts, Model, CancellationToken.None);

        Assert.Equal(expected.Count, index.Count);
        Assert.Equal(IndexAnswers.Of(expected, IndexAnswers.Queries(records)), IndexAnswers.Of(index, IndexAnswers.Queries(records)));
    }

    /// <summary>The record as the store gives it back (blank values left out).</summary>
    private static MatchRecord Stored(MatchRecord record) => MatchIndexValues.Deserialize(record.Id, MatchIndexValues.Serialize(record));
}
