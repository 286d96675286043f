using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// Reads every record of a system's object through its connector, page by page from the beginning until a page comes
/// back empty, into a profiler. The next page is read while the current one is profiled (on two cores the profiling
/// then costs almost nothing), so at most two pages are held at a time. The first page is small and each next one twice
/// as large, up to <see cref="PageSize"/>, so a slow system shows progress within its first answer.
/// </summary>
public static class AssessmentReader
{
    public const int FirstPageSize = 500;
    public const int PageSize = 5_000;

    /// <param name="expected">Records the last assessment of this object read (0 when unknown), to estimate progress.</param>
    /// <param name="read">Told after each page: the records read so far, and the share of all that is (0 when unknown).</param>
    /// <exception cref="InvalidOperationException">The connector returned records without moving its cursor.</exception>
    public static async Task ReadAsync(ISyncConnector connector, string objectKey, string systemName, AssessmentProfiler profiler, long expected,
        Func<long, double, Task> read, CancellationToken cancellationToken)
    {
        var size = FirstPageSize;
        string? cursor = null;
        Task<ChangePage>? next = connector.ReadChangesAsync(objectKey, cursor, size, cancellationToken);
        try
        {
            while (true)
            {
                var page = await next;
                next = null;
                if (page.Records.Count == 0)
                {
                    return;
                }
                if (cursor is not null && page.NextCursor == cursor)
                {
                    throw new InvalidOperationException($"The connector of {systemName} returned records without moving its cursor; the assessment stopped instead of reading them forever.");
                }
                cursor = page.NextCursor;
                size = Math.Min(PageSize, size * 2);
                var (after, pageSize) = (cursor, size);
                // Some drivers do their work synchronously inside the async call: a thread of its own lets it overlap.
                next = Task.Run(() => connector.ReadChangesAsync(objectKey, after, pageSize, cancellationToken), cancellationToken);
                foreach (var record in page.Records)
                {
                    profiler.Add(record);
                }
                cancellationToken.ThrowIfCancellationRequested();
                await read(profiler.Records, expected > 0 ? Math.Min(0.99, (double)profiler.Records / expected) : 0);
            }
        }
        finally
        {
            // A read still under way finishes before the caller disposes the connector; its failure is the caller's no more.
            if (next is not null)
            {
                await next.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }
}
