using System.Diagnostics;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Benchmarks.Sync;

/// <summary>A target connector that adds up the time spent looking records up and writing them.</summary>
internal sealed class TimedConnector(ISyncConnector inner) : ISyncConnector
{
    public TimeSpan Lookup { get; private set; }
    public TimeSpan Write { get; private set; }

    public Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken) =>
        inner.ReadChangesAsync(objectKey, cursor, max, cancellationToken);

    public async Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var found = await inner.LookupAsync(objectKey, field, values, cancellationToken);
        Lookup += Stopwatch.GetElapsedTime(started);
        return found;
    }

    public async Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var results = await inner.WriteBatchAsync(objectKey, writes, cancellationToken);
        Write += Stopwatch.GetElapsedTime(started);
        return results;
    }

    public Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken) =>
        inner.AppendActivitiesAsync(activities, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        inner.DeleteBatchAsync(objectKey, ids, cancellationToken);

    public Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
