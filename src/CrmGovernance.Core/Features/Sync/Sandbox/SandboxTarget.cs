using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Sync.Sandbox;

/// <summary>
/// A target system in memory, for a sandbox run: records per object, upserts by id, activities idempotent by id, exactly
/// as <see cref="ISyncConnector"/> promises. Never reaches a real system. When <see cref="Unavailable"/>, every call
/// fails as a system that is down does.
/// </summary>
public sealed class SandboxTarget(string systemName) : ISyncConnector
{
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string?>>> _objects = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ActivityWrite> _activities = new(StringComparer.Ordinal);

    public bool Unavailable { get; init; }

    /// <summary>How many writes reached it (records created or updated, activities appended).</summary>
    public int Writes { get; private set; }

    public IReadOnlyCollection<ActivityWrite> Activities => _activities.Values;

    /// <summary>Puts a record as it is before the run (not counted as a write).</summary>
    public void Seed(string objectKey, string id, IReadOnlyDictionary<string, string?> fields) =>
        Records(objectKey)[id] = new Dictionary<string, string?>(fields, StringComparer.OrdinalIgnoreCase);

    /// <summary>A record as it is now, or null.</summary>
    public IReadOnlyDictionary<string, string?>? Find(string objectKey, string id) => Records(objectKey).GetValueOrDefault(id);

    public IReadOnlyList<ConnectorRecord> All(string objectKey) =>
        [.. Records(objectKey).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => new ConnectorRecord(r.Key, r.Value))];

    public Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A sandbox target does not list its changes.");

    public Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        EnsureUp();
        var wanted = values.ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<ConnectorRecord> found = [.. Records(objectKey)
            .Where(r => field is null ? wanted.Contains(r.Key) : r.Value.GetValueOrDefault(field) is { } v && wanted.Contains(v))
            .OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new ConnectorRecord(r.Key, new Dictionary<string, string?>(r.Value, StringComparer.OrdinalIgnoreCase)))];
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        EnsureUp();
        var records = Records(objectKey);
        foreach (var write in writes)
        {
            if (!records.TryGetValue(write.Id, out var fields))
            {
                fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
                records[write.Id] = fields;
            }
            foreach (var (name, value) in write.Fields)
            {
                fields[name] = value;
            }
            Writes++;
        }
        return Task.FromResult<IReadOnlyList<WriteResult>>([.. writes.Select(w => new WriteResult(w.Id, null))]);
    }

    public Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken)
    {
        EnsureUp();
        var results = new List<WriteResult>();
        foreach (var activity in activities)
        {
            var known = !_activities.TryAdd(activity.Id, activity);
            Writes += known ? 0 : 1;
            results.Add(new WriteResult(activity.Id, null, known));
        }
        return Task.FromResult<IReadOnlyList<WriteResult>>(results);
    }

    public Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        EnsureUp();
        var records = Records(objectKey);
        foreach (var id in ids)
        {
            records.Remove(id);
        }
        return Task.FromResult<IReadOnlyList<WriteResult>>([.. ids.Select(id => new WriteResult(id, null))]);
    }

    public Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken) =>
        Task.FromResult(Unavailable ? new ConnectorHealth(false, $"{systemName} (sandbox) is unavailable.") : new ConnectorHealth(true, "Sandbox."));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private void EnsureUp()
    {
        if (Unavailable)
        {
            throw new SystemUnavailableException($"{systemName} is unavailable (the scenario takes it down).");
        }
    }

    private Dictionary<string, Dictionary<string, string?>> Records(string objectKey)
    {
        if (!_objects.TryGetValue(objectKey, out var records))
        {
            records = new Dictionary<string, Dictionary<string, string?>>(StringComparer.Ordinal);
            _objects[objectKey] = records;
        }
        return records;
    }
}
