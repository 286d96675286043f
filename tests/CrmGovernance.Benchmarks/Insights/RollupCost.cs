using System.Diagnostics;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Insights.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Benchmarks.Insights;

/// <summary>
/// The live roll-up's cost per finished run: what <c>InsightsSubscriber</c> does on a RunFinished (a context, the run's
/// contribution computed from the ledger, written through the roll-up writer), for runs seeded just now on top of the year.
/// </summary>
internal static class RollupCost
{
    /// <returns>Microseconds per run, and the runs measured.</returns>
    public static async Task<(double MicrosecondsPerRun, int Runs)> MeasureAsync(IServiceProvider services, IReadOnlyList<long> runIds, CancellationToken ct)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var writer = services.GetRequiredService<RollupWriter>();
        var versions = services.GetRequiredService<VersionSnapshots>();
        var clock = Stopwatch.StartNew();
        foreach (var id in runIds)
        {
            await using var db = await contexts.CreateDbContextAsync(ct);
            var items = await RunContribution.ComputeAsync(db, versions, id, ct);
            await writer.ApplyAsync([(RunContribution.KeyOf(id), items)], ct);
        }
        return (clock.Elapsed.TotalMicroseconds / Math.Max(1, runIds.Count), runIds.Count);
    }
}
