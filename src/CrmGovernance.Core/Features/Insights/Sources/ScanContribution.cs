using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Sources;

/// <summary>A completed duplicate scan: the records it read and how many of them were duplicates, in the hour it finished.</summary>
public static class ScanContribution
{
    public static string KeyOf(long scanId) => "scan:" + scanId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<IReadOnlyList<ContributionItem>> ComputeAsync(CrmDbContext db, long scanId, CancellationToken ct)
    {
        var scan = await db.DuplicateScans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == scanId, ct);
        if (scan is not { Status: ScanStatus.Completed, FinishedUtc: { } at })
        {
            return [];
        }
        ContributionItem Item(string metric, double value) => new(metric, Guid.Empty, scan.ObjectId, scan.SystemId, Guid.Empty, "", at, value);
        return [Item(InsightMetric.Scans, 1), Item(InsightMetric.ScanRecords, scan.RecordsRead), Item(InsightMetric.ScanDuplicates, scan.DuplicateRecords)];
    }
}
