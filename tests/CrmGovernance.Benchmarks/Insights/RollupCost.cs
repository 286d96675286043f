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
    /// <returns>Microseconds per run in all, of which computing the contribution (the rest is the write), and the runs measured.</returns>
    public static async Task<(double MicrosecondsPerRun, double ComputeMicroseconds, int Runs)> MeasureAsync(IServiceProvider services, IReadOnlyList<long> runIds,
        CancellationToken ct)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        var writer = services.GetRequiredService<RollupWriter>();
        var versions = services.GetRequiredService<VersionSnapshots>();
        var compute = TimeSpan.Zero;
        var clock = Stopwatch.StartNew();
        foreach (var id in runIds)
        {
            var started = clock.Elapsed;
            await using var db = await contexts.CreateDbContextAsync(ct);
            var items = await RunContribution.ComputeAsync(db, versions, id, ct);
            compute += clock.Elapsed - started;
            await writer.ApplyAsync([(RunContribution.KeyOf(id), items)], ct);
        }
        var runs = Math.Max(1, runIds.Count);
        return (clock.Elapsed.TotalMicroseconds / runs, compute.TotalMicroseconds / runs, runIds.Count);
    }
}
