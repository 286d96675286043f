using System.Text.Json;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Insights.Rollups;

/// <summary>
/// The one writer of roll-ups. A source unit's figures replace what it contributed before: the difference is added to its
/// hour and day buckets and the contribution kept, in one transaction. So handling a unit twice changes nothing, and a unit
/// that changed (an incident resolved, another item in a queue hour) moves the buckets by exactly the change.
/// One writer at a time in the process (the subscriber and a rebuild share the gate).
/// </summary>
public sealed class RollupWriter(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Taken by the rebuild for its whole run, so live roll-ups wait instead of mixing in.</summary>
    internal SemaphoreSlim Gate => _gate;

    public async Task ApplyAsync(IReadOnlyList<(string Key, IReadOnlyList<ContributionItem> Items)> units, CancellationToken cancellationToken, bool gated = true)
    {
        if (units.Count == 0)
        {
            return;
        }
        if (gated)
        {
            await _gate.WaitAsync(cancellationToken);
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var dialect = db.Database.Dialect();
            if (gated)
            {
                // Other nodes' writers wait to the commit (ADR 0019); a rebuild (ungated here) holds the lock for its whole run.
                await dialect.Locks.TakeAsync(db.Database, DatabaseLock.InsightsRollup, ct: cancellationToken);
            }
            await using var add = PortalCommand.Create(dialect, db.Database.GetDbConnection(), transaction.GetDbTransaction(), dialect.Insights.AddToBucket);
            var keys = units.Select(u => u.Key).Distinct(StringComparer.Ordinal).ToList();
            var existing = await db.Set<MetricContribution>().Where(c => keys.Contains(c.Key)).ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var (key, items) in units)
            {
                var normal = Normalise(items);
                var json = JsonSerializer.Serialize(normal, Json);
                existing.TryGetValue(key, out var before);
                if (before?.ItemsJson == json || (before is null && normal.Count == 0))
                {
                    continue;
                }
                var old = before is null ? [] : JsonSerializer.Deserialize<List<ContributionItem>>(before.ItemsJson, Json) ?? [];
                await AddDifferenceAsync(add, old, normal, cancellationToken);
                if (before is null)
                {
                    before = new MetricContribution { Key = key };
                    db.Add(before);
                    existing[key] = before;
                }
                (before.ItemsJson, before.UpdatedUtc) = (json, now);
                if (normal.Count == 0)
                {
                    db.Remove(before);
                    existing.Remove(key);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (gated)
            {
                _gate.Release();
            }
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Items summed per bucket key (hour of <see cref="ContributionItem.AtUtc"/>), in a stable order, zeros left out.</summary>
    internal static List<ContributionItem> Normalise(IEnumerable<ContributionItem> items) =>
        items.GroupBy(i => i with { AtUtc = ContributionItem.HourOf(i.AtUtc), Value = 0 })
            .Select(g => g.Key with { Value = g.Sum(i => i.Value) })
            .Where(i => i.Value != 0)
            .OrderBy(i => i.AtUtc).ThenBy(i => i.Metric, StringComparer.Ordinal).ThenBy(i => i.FlowId).ThenBy(i => i.ObjectId)
            .ThenBy(i => i.SystemId).ThenBy(i => i.TargetSystemId).ThenBy(i => i.Dimension, StringComparer.Ordinal)
            .ToList();

    private static async Task AddDifferenceAsync(PortalCommand add, List<ContributionItem> old, List<ContributionItem> now, CancellationToken ct)
    {
        var delta = new Dictionary<ContributionItem, double>();
        foreach (var item in old)
        {
            var key = item with { Value = 0 };
            delta[key] = delta.GetValueOrDefault(key) - item.Value;
        }
        foreach (var item in now)
        {
            var key = item with { Value = 0 };
            delta[key] = delta.GetValueOrDefault(key) + item.Value;
        }
        foreach (var (k, value) in delta.Where(d => d.Value != 0))
        {
            var dimension = k.Dimension.Length > 220 ? k.Dimension[..220] : k.Dimension;
            foreach (var (size, period) in new[] { (BucketSize.Hour, ContributionItem.HourOf(k.AtUtc)), (BucketSize.Day, ContributionItem.DayOf(k.AtUtc)) })
            {
                await add.ExecuteAsync(ct, size.ToString(), period, k.Metric, k.FlowId, k.ObjectId, k.SystemId, k.TargetSystemId, dimension, value);
            }
        }
    }
}
