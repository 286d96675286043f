using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Sync.Engine;

/// <summary>
/// The target records a batch may touch, looked up once (by crosswalk id and by each match key), and kept current as the
/// batch creates and updates them, so two records of one batch with the same key end in one target record.
/// </summary>
internal sealed class TargetIndex
{
    private readonly Dictionary<string, Dictionary<string, string?>> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _byKey = new(StringComparer.OrdinalIgnoreCase);

    public static async Task<TargetIndex> LoadAsync(FlowPlan plan, ISyncConnector target, IReadOnlyCollection<string> linkedIds,
        IReadOnlyList<IncomingRecord> unlinked, CancellationToken cancellationToken)
    {
        var index = new TargetIndex();
        if (linkedIds.Count > 0)
        {
            index.AddAll(plan, await target.LookupAsync(plan.BusinessObject.Key, null, linkedIds, cancellationToken));
        }
        foreach (var key in plan.MatchKeys)
        {
            var values = unlinked.Select(r => r.Values.GetValueOrDefault(key)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            if (values.Count > 0)
            {
                index.AddAll(plan, await target.LookupAsync(plan.BusinessObject.Key, key, values, cancellationToken));
            }
        }
        return index;
    }

    /// <summary>Adds the target records with these ids (the match rule's candidates); ids the target no longer has stay absent.</summary>
    public async Task AddAsync(FlowPlan plan, ISyncConnector target, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > 0)
        {
            AddAll(plan, await target.LookupAsync(plan.BusinessObject.Key, null, ids, cancellationToken));
        }
    }

    public Dictionary<string, string?>? Find(string id) => _byId.GetValueOrDefault(id);

    public bool Exists(string id) => _byId.ContainsKey(id);

    /// <summary>The id of the target record whose key field has this value (the earliest one, when several do).</summary>
    public string? FindByKey(string key, string? value) =>
        value is not null && _byKey.TryGetValue(key, out var values) && values.TryGetValue(value, out var id) ? id : null;

    /// <summary>Records the values a write leaves on a target record, and indexes it under the plan's match keys.</summary>
    public void Put(FlowPlan plan, string id, Dictionary<string, string?> values)
    {
        _byId[id] = values;
        foreach (var key in plan.MatchKeys)
        {
            if (values.GetValueOrDefault(key) is { } value)
            {
                var byValue = KeyIndex(key);
                byValue.TryAdd(value, id);
            }
        }
    }

    private void AddAll(FlowPlan plan, IReadOnlyList<ConnectorRecord> records)
    {
        foreach (var record in records.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            if (!_byId.ContainsKey(record.Id))
            {
                Put(plan, record.Id, new Dictionary<string, string?>(record.Fields, StringComparer.OrdinalIgnoreCase));
            }
        }
    }

    private Dictionary<string, string> KeyIndex(string key)
    {
        if (!_byKey.TryGetValue(key, out var byValue))
        {
            byValue = new Dictionary<string, string>(StringComparer.Ordinal);
            _byKey[key] = byValue;
        }
        return byValue;
    }
}
