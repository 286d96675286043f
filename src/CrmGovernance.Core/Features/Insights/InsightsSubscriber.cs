using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.Insights.Rollups;
using CrmGovernance.Core.Features.Insights.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Insights;

/// <summary>
/// Keeps the roll-ups as things happen: each operations event names a source unit (a run, a queue hour, a scan, an
/// incident) whose figures are computed again from the ledger and written through <see cref="RollupWriter"/>, which adds
/// only the difference. So an event delivered twice, or two events about the same hour, count once.
/// </summary>
public sealed class InsightsSubscriber(IServiceScopeFactory scopes, RollupWriter writer, VersionSnapshots versions) : IOperationsEventSubscriber
{
    private static readonly IReadOnlySet<string> Handled = new HashSet<string>(StringComparer.Ordinal)
    {
        OperationsEventKinds.Of<RunFinished>(), OperationsEventKinds.Of<RecordsQueuedForReview>(), OperationsEventKinds.Of<ReviewItemsDecided>(),
        OperationsEventKinds.Of<ErrorQueueItemsAdded>(), OperationsEventKinds.Of<ScanFinished>(), OperationsEventKinds.Of<IncidentChanged>(),
    };

    /// <summary>An event is written just after the rows it announces; the hour before it is counted too in case they straddle the hour.</summary>
    private static readonly TimeSpan Straddle = TimeSpan.FromMinutes(2);

    /// <summary>Its position's name; a rebuild moves that position back to what it read (<see cref="InsightsRebuild"/>).</summary>
    public const string SubscriberName = "insights";

    public string Name => SubscriberName;

    public IReadOnlySet<string>? Kinds => Handled;

    public async Task HandleAsync(OperationsEventEnvelope envelope, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        var units = await UnitsAsync(db, envelope, cancellationToken);
        await writer.ApplyAsync(units, cancellationToken);
    }

    private async Task<IReadOnlyList<(string, IReadOnlyList<ContributionItem>)>> UnitsAsync(CrmDbContext db, OperationsEventEnvelope envelope, CancellationToken ct)
    {
        var hours = new[] { envelope.OccurredUtc, envelope.OccurredUtc - Straddle }.Select(ContributionItem.HourOf).Distinct().ToList();
        var units = new List<(string, IReadOnlyList<ContributionItem>)>();
        switch (envelope.Event)
        {
            case RunFinished run when !run.DryRun:
                units.Add((RunContribution.KeyOf(run.RunId), await RunContribution.ComputeAsync(db, versions, run.RunId, ct)));
                break;
            case RecordsQueuedForReview queued:
                foreach (var hour in hours)
                {
                    units.Add((QueueContribution.ReviewKey(queued.SystemId, queued.ObjectId, hour),
                        await QueueContribution.ReviewEnteredAsync(db, queued.SystemId, queued.ObjectId, hour, ct)));
                }
                break;
            case ReviewItemsDecided decided:
                foreach (var hour in hours)
                {
                    units.Add((QueueContribution.DecisionsKey(decided.SystemId, decided.ObjectId, hour),
                        await QueueContribution.DecisionsAsync(db, decided.SystemId, decided.ObjectId, hour, ct)));
                }
                break;
            case ErrorQueueItemsAdded { FlowId: not null } errors:
                var configuration = await InsightsRebuild.CurrentConfigurationAsync(db, versions, ct);
                foreach (var hour in hours)
                {
                    units.Add((QueueContribution.ErrorsKey(errors.FlowId, hour), await QueueContribution.ErrorsEnteredAsync(db, configuration, errors.FlowId, hour, ct)));
                }
                break;
            case ScanFinished scan:
                units.Add((ScanContribution.KeyOf(scan.ScanId), await ScanContribution.ComputeAsync(db, scan.ScanId, ct)));
                break;
            case IncidentChanged incident:
                units.Add((IncidentContribution.KeyOf(incident.IncidentId), await IncidentContribution.ComputeAsync(db, incident.IncidentId, ct)));
                break;
            default:
                break;
        }
        return units;
    }
}
