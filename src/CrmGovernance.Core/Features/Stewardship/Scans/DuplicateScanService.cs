using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Matching;
using CrmGovernance.Core.Features.Stewardship.Review;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>
/// Duplicate scans for the stewardship pages (admins and stewards): what can be scanned, starting and cancelling a
/// scan, the list of scans, and a scan's clusters and pairs. Sending a scan's pairs to the review queue is <see cref="DuplicateScanFeeder"/>.
/// </summary>
public sealed class DuplicateScanService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, PublishedConfiguration published,
    DuplicateScanRunner runner, TimeProvider clock, RecordNames names)
{
    public const int MaxPageSize = 200;
    public const string AuditEntityType = "DuplicateScan";

    /// <summary>Most record names one call reads: more than a page of clusters or pairs shows.</summary>
    public const int MaxNames = 5_000;

    public async Task<ScanChoices> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.RunDuplicateScans);
        var current = await published.CurrentAsync(cancellationToken);
        var targets = DuplicateScanPlan.All(current.Configuration)
            .Select(p => new ScanTarget(p.System.Id, p.System.Name, p.BusinessObject.Id, p.BusinessObject.Name, p.Rule.Name)).ToList();
        return new ScanChoices(current.Version, targets, current.Configuration.MatchRules.Count > 0);
    }

    /// <summary>Queues a scan of the system's object with the current configuration version; returns its id.</summary>
    /// <exception cref="InvalidOperationException">It cannot be scanned, or is being scanned already (the message says why).</exception>
    public async Task<long> RequestAsync(Guid systemId, Guid objectId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.RunDuplicateScans);
        var current = await published.CurrentAsync(cancellationToken);
        var (plan, problem) = DuplicateScanPlan.For(current.Configuration, systemId, objectId);
        if (plan is null)
        {
            throw new InvalidOperationException(problem);
        }
        var scan = new DuplicateScan
        {
            SystemId = systemId, ObjectId = objectId, ConfigurationVersion = current.Version, RequestedBy = actor.Name,
            RequestedUtc = clock.GetUtcNow().UtcDateTime, Phase = ScanPhases.Waiting,
        };
        var id = await runner.QueueAsync(scan, $"{plan.BusinessObject.Name} in {plan.System.Name}", cancellationToken);
        await audit.RecordAsync(AuditActions.DuplicateScanStarted, AuditEntityType, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            new { system = plan.System.Name, @object = plan.BusinessObject.Name, rule = plan.Rule.Name, version = current.Version }, cancellationToken: cancellationToken);
        return id;
    }

    /// <summary>Scans, newest first.</summary>
    public async Task<PagedResult<DuplicateScanView>> ListAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDuplicateScans);
        (page, pageSize) = (Math.Max(0, page), Math.Clamp(pageSize, 1, MaxPageSize));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.DuplicateScans.CountAsync(cancellationToken);
        var scans = await db.DuplicateScans.AsNoTracking().OrderByDescending(s => s.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var views = new List<DuplicateScanView>(scans.Count);
        foreach (var scan in scans)
        {
            views.Add(await ViewAsync(scan, cancellationToken));
        }
        return new PagedResult<DuplicateScanView>(views, total);
    }

    public async Task<DuplicateScanView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDuplicateScans);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scan = await db.DuplicateScans.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        return scan is null ? null : await ViewAsync(scan, cancellationToken);
    }

    /// <summary>Cancels a queued or running scan; false when it had finished already. Its partial result is discarded.</summary>
    public async Task<bool> CancelAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.RunDuplicateScans);
        var now = clock.GetUtcNow().UtcDateTime;
        var by = $"Cancelled by {actor.Name}.";
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.DuplicateScans.Where(s => s.Id == id && (s.Status == ScanStatus.Queued || s.Status == ScanStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, ScanStatus.Cancelled).SetProperty(x => x.FinishedUtc, now).SetProperty(x => x.Error, by), cancellationToken);
        if (cancelled > 0)
        {
            await db.RaiseNowAsync(new ScanFinished(id, ScanStatus.Cancelled.ToString()), now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        // In this process the work stops at once; a scan running elsewhere notices at its next progress write.
        runner.Cancel(id);
        return cancelled > 0;
    }

    /// <summary>The scan's clusters by number (largest first), with their members and the auto-matched pairs joining them.</summary>
    public async Task<PagedResult<ScanCluster>> ClustersAsync(long id, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDuplicateScans);
        (page, pageSize) = (Math.Max(0, page), Math.Clamp(pageSize, 1, MaxPageSize));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var clustered = db.DuplicateScanPairs.Where(p => p.ScanId == id && p.Cluster != null);
        var total = await clustered.Select(p => p.Cluster).Distinct().CountAsync(cancellationToken);
        var numbers = await clustered.Select(p => p.Cluster!.Value).Distinct().OrderBy(n => n).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var pairs = await clustered.AsNoTracking().Where(p => numbers.Contains(p.Cluster!.Value)).ToListAsync(cancellationToken);
        var clusters = pairs.GroupBy(p => p.Cluster!.Value).OrderBy(g => g.Key)
            .Select(g => new ScanCluster(g.Key,
                [.. g.SelectMany(p => new[] { p.LeftRecordId, p.RightRecordId }).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                [.. g.OrderByDescending(p => p.Score).ThenBy(p => p.Id)]))
            .ToList();
        return new PagedResult<ScanCluster>(clusters, total);
    }

    /// <summary>The scan's pairs of one decision (all when null), best score first.</summary>
    public async Task<PagedResult<DuplicateScanPair>> PairsAsync(long id, MatchDecision? decision, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDuplicateScans);
        (page, pageSize) = (Math.Max(0, page), Math.Clamp(pageSize, 1, MaxPageSize));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.DuplicateScanPairs.AsNoTracking().Where(p => p.ScanId == id);
        if (decision is { } only)
        {
            query = query.Where(p => p.Decision == only);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(p => p.Score).ThenBy(p => p.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<DuplicateScanPair>(rows, total);
    }

    /// <summary>
    /// What a steward knows the scan's records by ("Jo Bloggs · jo@example.com"), read now from the scanned system, for
    /// the ids a page shows; records gone since, or a system that cannot be read now, have none.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> RecordNamesAsync(long id, IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDuplicateScans);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scan = await db.DuplicateScans.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.SystemId, s.ObjectId }).FirstOrDefaultAsync(cancellationToken);
        return scan is null || recordIds.Count == 0 ? new Dictionary<string, string>()
            : await names.ReadAsync(scan.SystemId, scan.ObjectId, [.. recordIds.Distinct(StringComparer.Ordinal).Take(MaxNames)], cancellationToken);
    }

    /// <summary>Names from the current configuration; a system or object removed since is named as in the scan's own version.</summary>
    private async Task<DuplicateScanView> ViewAsync(DuplicateScan scan, CancellationToken cancellationToken)
    {
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        if (configuration.FindSystem(scan.SystemId) is null || configuration.FindObject(scan.ObjectId) is null)
        {
            configuration = (await published.VersionAsync(scan.ConfigurationVersion, cancellationToken))?.Configuration ?? GovernanceConfiguration.Empty;
        }
        return new DuplicateScanView(scan, configuration.FindSystem(scan.SystemId)?.Name ?? "(removed system)",
            configuration.FindObject(scan.ObjectId)?.Name ?? "(removed object)");
    }
}
