using System.Diagnostics;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>A connector that adds up the time its pages take to read (the query and the records built from its rows).</summary>
internal sealed class ReadTimedConnector(ISyncConnector inner) : ISyncConnector
{
    public TimeSpan Read { get; private set; }
    public int Pages { get; private set; }

    public async Task<ChangePage> ReadChangesAsync(string objectKey, string? cursor, int max, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var page = await inner.ReadChangesAsync(objectKey, cursor, max, cancellationToken);
        Read += Stopwatch.GetElapsedTime(started);
        Pages++;
        return page;
    }

    public Task<IReadOnlyList<ConnectorRecord>> LookupAsync(string objectKey, string? field, IReadOnlyCollection<string> values, CancellationToken cancellationToken) =>
        inner.LookupAsync(objectKey, field, values, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> WriteBatchAsync(string objectKey, IReadOnlyList<RecordWrite> writes, CancellationToken cancellationToken) =>
        inner.WriteBatchAsync(objectKey, writes, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> AppendActivitiesAsync(IReadOnlyList<ActivityWrite> activities, CancellationToken cancellationToken) =>
        inner.AppendActivitiesAsync(activities, cancellationToken);

    public Task<IReadOnlyList<WriteResult>> DeleteBatchAsync(string objectKey, IReadOnlyList<string> ids, CancellationToken cancellationToken) =>
        inner.DeleteBatchAsync(objectKey, ids, cancellationToken);

    public Task<ConnectorHealth> CheckHealthAsync(CancellationToken cancellationToken) => inner.CheckHealthAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
