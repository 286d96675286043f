using System.Globalization;
using System.Text;
using System.Text.Json;
using CrmGovernance.Core.Features.Audit;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>The service's pages against a plain in-memory reference over the same rows, for many random filters.</summary>
public sealed class AuditLogPagingTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 8, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Searches = ["contact", "lead 1", "owner 12", "berl", "pending 3", "erp", "approved 2"];

    [Fact]
    public async Task Unfiltered_pages_walk_the_whole_chain_newest_first()
    {
        await using var host = await CoreTestHost.StartAsync();
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 1_000, i => AuditRowSeeder.Synthetic(i, Start));

        var first = await AuditLogFilterTests.QueryAsync(host, new AuditLogFilter(), 0, 200);
        var last = await AuditLogFilterTests.QueryAsync(host, new AuditLogFilter(), 4, 200);
        var beyond = await AuditLogFilterTests.QueryAsync(host, new AuditLogFilter(), 5, 200);

        Assert.Equal(1_000, first.Total);
        Assert.Equal(Enumerable.Range(801, 200).Reverse().Select(i => (long)i), first.Items.Select(r => r.Sequence));
        Assert.Equal(Enumerable.Range(1, 200).Reverse().Select(i => (long)i), last.Items.Select(r => r.Sequence));
        Assert.Empty(beyond.Items);
    }

    [Fact]
    public async Task Pages_of_random_filter_combinations_match_a_reference()
    {
        await using var host = await CoreTestHost.StartAsync();
        Guid[] requests = [await AuditLogFilterTests.DraftAsync(host, "One"), await AuditLogFilterTests.DraftAsync(host, "Two"), await AuditLogFilterTests.DraftAsync(host, "Three")];
        await AuditRowSeeder.AppendAsync(host.ConnectionString, host.ChainKey, 4_000, i => AuditRowSeeder.Synthetic(i, Start, requests));
        var all = await host.AuditRowsAsync();
        var random = new Random(20261127);

        for (var round = 0; round < 60; round++)
        {
            var filter = RandomFilter(random, all, requests);
            var expected = all.Where(r => Matches(r, filter)).OrderByDescending(r => r.Sequence).Select(r => r.Sequence).ToList();
            var size = new[] { 7, 50, 200 }[random.Next(3)];
            var pages = (expected.Count + size - 1) / size;
            foreach (var page in new[] { 0, pages / 2, Math.Max(0, pages - 1), pages }.Distinct())
            {
                var actual = await AuditLogFilterTests.QueryAsync(host, filter, page, size);
                Assert.True(expected.Count == actual.Total, $"Total for {filter}: expected {expected.Count}, got {actual.Total}.");
                Assert.Equal(expected.Skip(page * size).Take(size), actual.Items.Select(r => r.Sequence));
            }
        }
    }

    private static AuditLogFilter RandomFilter(Random random, List<AuditEntry> all, Guid[] requests)
    {
        bool Pick() => random.Next(3) == 0;
        DateTime? Time() => all[random.Next(all.Count)].TimeUtc;
        var filter = new AuditLogFilter(
            FromUtc: Pick() ? Time() : null,
            ToUtc: Pick() ? Time() : null,
            Actor: Pick() ? all[random.Next(all.Count)].ActorName.ToUpperInvariant() : null,
            EntityType: Pick() ? all[random.Next(all.Count)].EntityType : null,
            EntityId: random.Next(8) == 0 ? all[random.Next(all.Count)].EntityId : null,
            Action: Pick() ? all[random.Next(all.Count)].Action : null,
            ChangeRequestId: random.Next(5) == 0 ? requests[random.Next(requests.Length)] : null,
            Source: Pick() ? all[random.Next(all.Count)].Source : null,
            Search: Pick() ? Searches[random.Next(Searches.Length)] : null);
        return filter;
    }

    private static bool Matches(AuditEntry row, AuditLogFilter f) =>
        (f.FromUtc is null || row.TimeUtc >= f.FromUtc) && (f.ToUtc is null || row.TimeUtc < f.ToUtc) &&
        (f.Actor is null || string.Equals(row.ActorName, f.Actor, StringComparison.OrdinalIgnoreCase)) &&
        (f.EntityType is null || row.EntityType == f.EntityType) && (f.EntityId is null || row.EntityId == f.EntityId) &&
        (f.Action is null || row.Action == f.Action) && (f.ChangeRequestId is null || row.ChangeRequestId == f.ChangeRequestId) &&
        (f.Source is null || row.Source == f.Source) && (f.Search is null || PhraseMatches(Words(Values(row.Changes)), Words(f.Search)));

    // The reference for FTS5 over the values: the row's words contain the search words in a row, the last one as a prefix.
    private static bool PhraseMatches(List<string> body, List<string> phrase) =>
        Enumerable.Range(0, Math.Max(0, body.Count - phrase.Count + 1)).Any(start =>
            phrase.Select((word, k) => k == phrase.Count - 1 ? body[start + k].StartsWith(word, StringComparison.Ordinal) : body[start + k] == word).All(ok => ok));

    private static string Values(string changes)
    {
        var values = new List<string>();
        Collect(JsonDocument.Parse(changes).RootElement);
        return string.Join(' ', values);

        void Collect(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.Object: foreach (var p in e.EnumerateObject()) { Collect(p.Value); } break;
                case JsonValueKind.Array: foreach (var v in e.EnumerateArray()) { Collect(v); } break;
                case JsonValueKind.String: values.Add(e.GetString()!); break;
                case JsonValueKind.Number: values.Add(e.GetRawText()); break;
            }
        }
    }

    private static List<string> Words(string text) =>
        text.ToLower(CultureInfo.InvariantCulture).Split(text.Where(c => !char.IsLetterOrDigit(c)).Distinct().Append(' ').ToArray(), StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()))
            .ToList();
}
