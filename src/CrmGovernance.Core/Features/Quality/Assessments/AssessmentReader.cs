using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// Reads every record of a system's object through its connector, page by page from the beginning until a page comes
/// back empty, into a profiler: only one page is held at a time. The first page is small and each next one twice as
/// large, up to <see cref="PageSize"/>, so a slow system shows progress within its first answer.
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
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await connector.ReadChangesAsync(objectKey, cursor, size, cancellationToken);
            size = Math.Min(PageSize, size * 2);
            if (page.Records.Count == 0)
            {
                return;
            }
            if (cursor is not null && page.NextCursor == cursor)
            {
                throw new InvalidOperationException($"The connector of {systemName} returned records without moving its cursor; the assessment stopped instead of reading them forever.");
            }
            foreach (var record in page.Records)
            {
                profiler.Add(record);
            }
            cursor = page.NextCursor;
            await read(profiler.Records, expected > 0 ? Math.Min(0.99, (double)profiler.Records / expected) : 0);
        }
    }
}
