using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Benchmarks.Insights;

/// <summary>
/// The seeded year's landmarks: the last run's id, the mid-year version to compare, and the versions (null when an existing
/// database was reused: then read back from it).
/// </summary>
internal sealed record SeedAnchor(long LastRunId, int MidYearVersion, IReadOnlyList<SeedVersion>? Seeded)
{
    /// <summary>Version 4 of 7, published about 156 days into the year: it revises the lead flow.</summary>
    public const int MidYear = 4;

    /// <summary>Version 1 the day before the year starts, then six revisions about 52 days apart.</summary>
    public static IReadOnlyList<SeedVersion> Versions(DateTime nowUtc)
    {
        var fromUtc = nowUtc.AddDays(-365);
        var configuration = InsightsBenchmarkConfiguration.Build();
        var versions = new List<SeedVersion> { new(1, fromUtc.AddDays(-1), configuration) };
        for (var number = 2; number <= 7; number++)
        {
            configuration = InsightsBenchmarkConfiguration.Revise(configuration, number);
            versions.Add(new SeedVersion(number, fromUtc.AddDays((number - 1) * 52).AddHours(10), configuration));
        }
        return versions;
    }

    public static async Task<IReadOnlyList<SeedVersion>> StoredVersionsAsync(CrmDbContext db, CancellationToken ct) =>
        (await db.ConfigurationVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(ct))
        .Select(v => new SeedVersion(v.Number, v.PublishedUtc, ConfigurationJson.Deserialize(v.SnapshotJson))).ToList();
}
