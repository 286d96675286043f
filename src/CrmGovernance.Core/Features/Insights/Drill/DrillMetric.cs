using CrmGovernance.Core.Features.Insights.Dashboard;
using CrmGovernance.Core.Features.Sync.Runs;
using M = CrmGovernance.Core.Features.Insights.Rollups.InsightMetric;

namespace CrmGovernance.Core.Features.Insights.Drill;

/// <summary>Where a card's number comes from: runs (and their records), or a queue, the scans or the incidents.</summary>
public enum DrillSource { Runs, ReviewQueue, ErrorQueue, Scans, Incidents }

/// <summary>
/// How a card's number breaks down: the run-level figure it sums (<see cref="Counted"/>, over <see cref="Of"/> for a
/// share) and which of a run's records it counts. The same definitions as the roll-up (<see cref="Sources.RunContribution"/>),
/// so the records listed are exactly the records counted. A figure from another <see cref="Source"/> lists its units instead
/// (<see cref="InsightsDrill.ItemsAsync"/>).
/// </summary>
public sealed record DrillMetric(string Card, DrillSource Source, IReadOnlyList<string> Counted, string? Of, Func<OutcomeKind, string?, bool>? Counts, bool LeadsOnly = false)
{
    public bool HasRecords => Counts is not null;

    public static DrillMetric For(string card) => card switch
    {
        InsightCards.RecordsMoved => new(card, DrillSource.Runs, [M.Created, M.Updated, M.Appended], null,
            (o, _) => o is OutcomeKind.Created or OutcomeKind.Updated or OutcomeKind.Appended),
        InsightCards.DuplicatesPrevented => new(card, DrillSource.Runs, [M.DuplicatesPrevented], null, (o, match) => Sources.RunContribution.PreventedDuplicate(match, o)),
        InsightCards.Rejections => new(card, DrillSource.Runs, [M.Rejected], null, (o, _) => o == OutcomeKind.Rejected),
        InsightCards.LeadResponseP50 or InsightCards.LeadResponseP90 => new(card, DrillSource.Runs, [M.LeadCount], null, (o, _) => o == OutcomeKind.Created, LeadsOnly: true),
        InsightCards.Completeness => new(card, DrillSource.Runs, [M.MandatoryFilled], M.MandatoryExpected, (o, _) => o is OutcomeKind.Created or OutcomeKind.Updated),
        InsightCards.SuccessRate => new(card, DrillSource.Runs, [M.RunsSucceeded], M.Runs, null),
        InsightCards.Freshness => new(card, DrillSource.Runs, [M.ScheduledOnTime], M.Scheduled, null),
        InsightCards.ReviewPerThousand => new(card, DrillSource.ReviewQueue, [M.ReviewEntered], M.Processed, null),
        InsightCards.StewardTime => new(card, DrillSource.ReviewQueue, [M.StewardSeconds], null, null),
        InsightCards.ErrorsPerThousand => new(card, DrillSource.ErrorQueue, [M.ErrorsEntered], M.Processed, null),
        InsightCards.DuplicateRate => new(card, DrillSource.Scans, [M.ScanDuplicates], M.ScanRecords, null),
        InsightCards.IncidentsOpened => new(card, DrillSource.Incidents, [M.IncidentsOpened], null, null),
        InsightCards.Mtta => new(card, DrillSource.Incidents, [M.IncidentAckSeconds], M.IncidentsAcknowledged, null),
        InsightCards.Mttr => new(card, DrillSource.Incidents, [M.IncidentResolveSeconds], M.IncidentsResolved, null),
        InsightCards.SlaBreaches => new(card, DrillSource.Incidents, [M.IncidentBreaches], null, null),
        InsightCards.ExpiredShare => new(card, DrillSource.Incidents, [M.IncidentsExpired], M.IncidentsResolved, null),
        DrillFigures.RecordsFailed => new(card, DrillSource.Runs, [M.Failed], null, (o, _) => o == OutcomeKind.Failed),
        // Both queues' items, listed together: the flows table's manual handling counts them as one number.
        DrillFigures.ManualPerThousand => new(card, DrillSource.ReviewQueue, [M.ReviewEntered, M.ErrorsEntered], M.Processed, null),
        _ => throw new ArgumentException($"There is no figure \"{card}\" on the dashboard."),
    };
}
