using System.Text.Json;
using CrmGovernance.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Matching.Store;

/// <summary>
/// One system object's index in <see cref="MatchIndexCache"/> and how far it has read the store. Each refresh reads
/// the rows updated since the newest one seen, less an overlap: a writer stamps its rows before it commits, so rows of
/// a transaction still open at the last read can arrive with a slightly older time. Rows already applied at the same
/// time are skipped. Rows go in as one bulk load (<see cref="PendingLoad"/>), so the first read of a large target sorts
/// its keys once instead of putting a million records one by one.
/// </summary>
internal sealed class CachedMatchIndex(Guid systemId, Guid objectId, int chunk = CachedMatchIndex.DefaultChunk)
{
    /// <summary>Rows deserialised and normalised together before their raw values are let go.</summary>
    public const int DefaultChunk = 50_000;

    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, DateTime> _recent = new(StringComparer.Ordinal);
    private MatchIndex? _index;
    private string? _ruleKey;
    private DateTime? _watermark;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Call only while holding <see cref="Gate"/>.</summary>
    public async Task<MatchIndex> RefreshAsync(IDbContextFactory<CrmDbContext> contexts, MatchModel model, CancellationToken cancellationToken)
    {
        // Two flows may read one target's numbers in different regions: an index is prepared for one.
        var ruleKey = JsonSerializer.Serialize(model.Rule) + "|" + model.PhoneRegion;
        if (_index is null || ruleKey != _ruleKey)
        {
            (_index, _ruleKey, _watermark) = (new MatchIndex(model), ruleKey, null);
            _recent.Clear();
        }
        var full = _watermark is null;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.MatchIndexEntries.AsNoTracking().Where(e => e.SystemId == systemId && e.ObjectId == objectId);
        if (_watermark is { } watermark)
        {
            var from = watermark - Overlap;
            query = query.Where(e => e.UpdatedUtc >= from);
        }
        else
        {
            query = query.Where(e => !e.IsDeleted);
        }
        var newest = _watermark;
        var load = new PendingLoad(_index, chunk);
        var rows = query.Select(e => new { e.RecordId, e.ValuesJson, e.UpdatedUtc, e.IsDeleted }).AsAsyncEnumerable();
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                newest = newest is null || row.UpdatedUtc > newest ? row.UpdatedUtc : newest;
                if (!full)
                {
                    if (_recent.TryGetValue(row.RecordId, out var applied) && applied == row.UpdatedUtc)
                    {
                        continue;
                    }
                    _recent[row.RecordId] = row.UpdatedUtc;
                }
                if (row.IsDeleted)
                {
                    load.Flush();
                    _index.Remove(row.RecordId);
                }
                else
                {
                    load.Add(MatchIndexValues.Deserialize(row.RecordId, row.ValuesJson));
                }
            }
        }
        finally
        {
            // Also when the read stops early: rows counted as applied above must be in the index.
            load.Flush();
        }
        _watermark = newest;
        if (newest is { } seen)
        {
            foreach (var stale in _recent.Where(r => r.Value < seen - Overlap).Select(r => r.Key).ToList())
            {
                _recent.Remove(stale);
            }
        }
        return _index;
    }
}
