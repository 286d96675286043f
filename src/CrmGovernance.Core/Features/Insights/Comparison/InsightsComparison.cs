using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Insights.Drill;
using CrmGovernance.Core.Features.Insights.Rollups;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Comparison;

/// <summary>Compares the days before and after a configuration version for the flows it changed, beside those it did not (hourly buckets, so the split is at the publish hour).</summary>
public sealed class InsightsComparison(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, ActorContext actor, TimeProvider clock)
{
    public const int DefaultDays = 14;
    public const int MaxDays = 90;

    /// <summary>Counts per day after a version need a day of data: a few hours scaled up to a day say more about the hour than the change.</summary>
    public const double MinimumDays = 1;

    /// <summary>The figures compared (counts per day).</summary>
    public static readonly IReadOnlyList<string> Figures =
    [
        InsightCards.SuccessRate, InsightCards.RecordsMoved, InsightCards.Freshness, InsightCards.Rejections, InsightCards.Completeness,
        InsightCards.DuplicatesPrevented, InsightCards.LeadResponseP50, InsightCards.LeadResponseP90, InsightCards.ReviewPerThousand, InsightCards.ErrorsPerThousand,
    ];

    public async Task<VersionComparison> CompareAsync(int version, int days = DefaultDays, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewInsights);
        if (days is < 1 or > MaxDays)
        {
            throw new ArgumentException($"Compare 1 to {MaxDays} days before and after a version.");
        }
        var current = (await published.CurrentAsync(cancellationToken)).Configuration;
        var scope = InsightsScope.For(actor, current);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.ConfigurationVersions.AsNoTracking().Where(v => v.Number == version || v.Number == version - 1)
            .Select(v => new { v.Number, v.PublishedUtc, v.PublishedByName, v.ChangeRequestId, v.SnapshotJson }).ToListAsync(cancellationToken);
        var target = versions.Find(v => v.Number == version) ?? throw new KeyNotFoundException($"There is no configuration version {version}.");
        var after = ConfigurationJson.Deserialize(target.SnapshotJson);
        var before = versions.Find(v => v.Number == version - 1) is { } previous ? ConfigurationJson.Deserialize(previous.SnapshotJson) : GovernanceConfiguration.Empty;
        var title = target.ChangeRequestId is { } cr ? await db.ChangeRequests.AsNoTracking().Where(c => c.Id == cr).Select(c => c.Title).FirstOrDefaultAsync(cancellationToken) : null;

        var changedIds = FlowFingerprint.Changed(before, after);
        var inScope = after.Flows.Where(f => scope.Includes(f.ObjectId)).ToList();
        var changed = inScope.Where(f => changedIds.Contains(f.Id)).Select(f => new FlowRef(f.Id, f.Name)).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var control = inScope.Where(f => !changedIds.Contains(f.Id)).Select(f => new FlowRef(f.Id, f.Name)).OrderBy(f => f.Name, StringComparer.OrdinalIgnoreCase).ToList();

        var publishedAt = target.PublishedUtc;
        var splitHour = ContributionItem.HourOf(publishedAt);
        var now = clock.GetUtcNow().UtcDateTime;
        var afterEnd = publishedAt.AddDays(days) < now ? splitHour.AddDays(days) : ContributionItem.HourOf(now).AddHours(1);
        // Counts are divided by the days that have passed since the publish (all of them once the window is over).
        var daysAfter = Math.Clamp((now - publishedAt).TotalDays, 0, days);
        var rows = new List<ComparisonRow>();
        var sets = new Dictionary<string, (FigureSet Before, FigureSet After)>();
        foreach (var (name, flows) in new[] { ("changed", changed), ("control", control) })
        {
            var ids = flows.Select(f => f.Id).ToList();
            // Each side summed in SQL: hourly rows of a month of every flow are many.
            var earlier = ids.Count == 0 ? []
                : await BucketReader.SumBySubjectAsync(db, BucketSize.Hour, splitHour.AddDays(-days), splitHour, null, null, null, scope, ids, cancellationToken);
            var later = ids.Count == 0 ? []
                : await BucketReader.SumBySubjectAsync(db, BucketSize.Hour, splitHour, afterEnd, null, null, null, scope, ids, cancellationToken);
            sets[name] = (BucketReader.Sum(earlier), BucketReader.Sum(later));
        }
        foreach (var key in Figures)
        {
            var d = InsightCards.Find(key)!;
            double? Per(FigureSet set, double span) => d.Compute(set) is { } v ? d.Unit == MetricUnit.Count ? (span >= MinimumDays ? v / span : null) : v : null;
            var (cb, ca) = sets["changed"];
            var (kb, ka) = sets["control"];
            rows.Add(new ComparisonRow(d.Key, d.Unit == MetricUnit.Count ? d.Title + " per day" : d.Title, d.Unit, d.HigherIsBetter,
                Per(cb, days), Per(ca, daysAfter), Per(kb, days), Per(ka, daysAfter)));
        }
        return new VersionComparison(version, publishedAt, target.PublishedByName, title, days, (int)Math.Ceiling(daysAfter), changed, control, rows,
            new DrillWindow(splitHour.AddDays(-days), splitHour), new DrillWindow(splitHour, afterEnd), daysAfter < MinimumDays);
    }
}
