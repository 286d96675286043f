using System.Globalization;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Stewardship.Scans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// A completed duplicate scan whose duplicate rate is at least the policy's points above the previous completed scan of
/// the same system's object is a DuplicateSpike (subject: that system and object). The first scan has nothing to compare.
/// </summary>
public sealed class DuplicateSpikeTrigger(IServiceScopeFactory scopes, PublishedConfiguration published, IncidentRecorder recorder) : IncidentTrigger<ScanFinished>
{
    public override string Name => "incidents.duplicate-spike";

    protected override async Task HandleAsync(ScanFinished e, long sequence, CancellationToken cancellationToken)
    {
        if (e.Status != nameof(ScanStatus.Completed))
        {
            return;
        }
        var scans = await scopes.ReadAsync(async db =>
        {
            var scan = await db.DuplicateScans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == e.ScanId, cancellationToken);
            var previous = scan is null ? null : await db.DuplicateScans.AsNoTracking()
                .Where(s => s.SystemId == scan.SystemId && s.ObjectId == scan.ObjectId && s.Status == ScanStatus.Completed && s.Id < scan.Id)
                .OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancellationToken);
            return (scan, previous);
        }, cancellationToken);
        if (scans is not ({ } current, { } before))
        {
            return;
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var points = (current.DuplicateRate - before.DuplicateRate) * 100;
        var threshold = configuration.IncidentPolicyFor(null).DuplicateSpikePoints;
        if (points < threshold)
        {
            return;
        }
        var system = configuration.FindSystem(current.SystemId)?.Name ?? "a system";
        var obj = configuration.FindObject(current.ObjectId)?.Name ?? "records";
        await recorder.RecordAsync(new IncidentSignal(IncidentCause.DuplicateSpike, $"Duplicates of {obj} in {system} jumped",
            $"Scan #{current.Id} found {Rate(current.DuplicateRate)} duplicates, {points.ToString("0.#", CultureInfo.InvariantCulture)} points more than scan #{before.Id} ({Rate(before.DuplicateRate)}); the threshold is {threshold.ToString("0.#", CultureInfo.InvariantCulture)} points.")
        { SystemId = current.SystemId, ObjectId = current.ObjectId, EventSequence = sequence }, null, cancellationToken);
    }

    private static string Rate(double share) => share.ToString("P1", CultureInfo.InvariantCulture);
}
