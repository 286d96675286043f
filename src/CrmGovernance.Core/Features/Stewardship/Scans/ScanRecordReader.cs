using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Systems.Connectors;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// Reads every record of a system's object through its connector, from the beginning until a page comes back empty.
/// The first page is small and each next one twice as large, up to <see cref="PageSize"/>: a slow system shows records
/// read within its first answer, a fast one is soon read in full pages.
/// </summary>
internal static class ScanRecordReader
{
    public const int FirstPageSize = 500;
    public const int PageSize = 5_000;

    /// <param name="expected">Records the last scan of this system's object read (0 when unknown), to estimate the reading share.</param>
    /// <param name="read">Told after each page: the records read so far, and the share of all that is (0 when unknown).</param>
    public static async Task<List<MatchRecord>> ReadAsync(ISyncConnector connector, DuplicateScanPlan plan, long expected, Action<long, double> read,
        CancellationToken cancellationToken)
    {
        var size = FirstPageSize;
        var records = new List<MatchRecord>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        string? cursor = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await connector.ReadChangesAsync(plan.BusinessObject.Key, cursor, size, cancellationToken);
            size = Math.Min(PageSize, size * 2);
            if (page.Records.Count == 0)
            {
                return records;
            }
            if (cursor is not null && page.NextCursor == cursor)
            {
                throw new InvalidOperationException($"The connector of {plan.System.Name} returned records without moving its cursor; the scan stopped instead of reading them forever.");
            }
            foreach (var record in page.Records.Where(r => !string.IsNullOrEmpty(r.Id)))
            {
                var values = plan.Fields.ToRecord(record.Id, record.Fields);
                // A record changed while the scan reads comes round again at the end: keep it once, with its latest values.
                if (positions.TryGetValue(record.Id, out var at))
                {
                    records[at] = values;
                }
                else
                {
                    positions[record.Id] = records.Count;
                    records.Add(values);
                }
            }
            cursor = page.NextCursor;
            read(records.Count, expected > 0 ? Math.Min(0.99, (double)records.Count / expected) : 0);
        }
    }
}
