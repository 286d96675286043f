using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// Data-quality assessments for the Data quality pages: what the caller may assess, requesting and cancelling one,
/// the list, one assessment and its fields. Business owners and stewards see and run those of what they answer for.
/// </summary>
public sealed class AssessmentService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, IAuditTrail audit, PublishedConfiguration published,
    AssessmentRunner runner, TimeProvider clock)
{
    public const int MaxPageSize = 200;
    public const string AuditEntityType = "Assessment";
    public const int MaxStaleMonths = 120;

    public async Task<IReadOnlyList<AssessmentTarget>> ChoicesAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.RunAssessments);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        return [.. AssessmentPlan.All(configuration).Where(p => actor.HoldsFor(Capability.RunAssessments, [p.Party]))
            .Select(p => new AssessmentTarget(p.System.Id, p.System.Name, p.BusinessObject.Id, p.BusinessObject.Name, p.Fields.Count))];
    }

    /// <summary>Queues an assessment of the system's object with the current configuration version; returns its id.</summary>
    /// <param name="region">The ISO 3166 code phones and postcodes are checked for.</param>
    /// <param name="staleMonths">Records not updated for this many months count as stale.</param>
    /// <exception cref="ArgumentException">The region or the months are not valid (the message says why).</exception>
    /// <exception cref="InvalidOperationException">It cannot be assessed, or is being assessed already.</exception>
    public async Task<long> RequestAsync(Guid systemId, Guid objectId, string region = "GB", int staleMonths = 24, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.RunAssessments);
        var current = await published.CurrentAsync(cancellationToken);
        var (plan, problem) = AssessmentPlan.For(current.Configuration, systemId, objectId);
        if (plan is null)
        {
            throw new InvalidOperationException(problem);
        }
        actor.EnsureFor(Capability.RunAssessments, [plan.Party]);
        return await QueueAsync(plan, current.Version, region, staleMonths, cancellationToken);
    }

    /// <summary>
    /// For the schedule (the caller acts as the system): queues an assessment of every system's object the current
    /// configuration can assess, skipping each that is waiting or running already. Returns the ids queued and the
    /// names of those skipped ("Contact in CRM").
    /// </summary>
    /// <exception cref="ArgumentException">The region or the months are not valid (the message says why).</exception>
    internal async Task<(IReadOnlyList<long> Queued, IReadOnlyList<string> Skipped)> QueueEveryAsync(string region, int staleMonths,
        CancellationToken cancellationToken)
    {
        actor.Ensure(Capability.RunAssessments);
        var current = await published.CurrentAsync(cancellationToken);
        var (queued, skipped) = (new List<long>(), new List<string>());
        foreach (var plan in AssessmentPlan.All(current.Configuration).Where(p => actor.HoldsFor(Capability.RunAssessments, [p.Party])))
        {
            try
            {
                queued.Add(await QueueAsync(plan, current.Version, region, staleMonths, cancellationToken));
            }
            catch (InvalidOperationException)
            {
                // The runner's refusal: one of this system's object is waiting or running; it counts for this round.
                skipped.Add($"{plan.BusinessObject.Name} in {plan.System.Name}");
            }
        }
        return (queued, skipped);
    }

    /// <summary>Checks the region and months, queues the assessment as the current actor, and audits it.</summary>
    /// <exception cref="ArgumentException">The region or the months are not valid.</exception>
    /// <exception cref="InvalidOperationException">That system's object is being assessed already.</exception>
    private async Task<long> QueueAsync(AssessmentPlan plan, int version, string region, int staleMonths, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            throw new ArgumentException("Region: give the two-letter ISO 3166 code phones and postcodes are checked for, e.g. GB.", nameof(region));
        }
        if (PhoneRegions.Problem(region, "Region") is { } regionProblem)
        {
            throw new ArgumentException(regionProblem, nameof(region));
        }
        if (staleMonths is < 1 or > MaxStaleMonths)
        {
            throw new ArgumentException($"Stale after: give a number of months from 1 to {MaxStaleMonths}, not {staleMonths}.", nameof(staleMonths));
        }
        var assessment = new Assessment
        {
            SystemId = plan.System.Id, ObjectId = plan.BusinessObject.Id, ConfigurationVersion = version, RequestedBy = actor.Name,
            RequestedUtc = clock.GetUtcNow().UtcDateTime, Phase = "waiting", Region = region.Trim().ToUpperInvariant(), StaleMonths = staleMonths,
        };
        var id = await runner.QueueAsync(assessment, $"{plan.BusinessObject.Name} in {plan.System.Name}", cancellationToken);
        await audit.RecordAsync(AuditActions.AssessmentStarted, AuditEntityType, id.ToString(CultureInfo.InvariantCulture),
            new { system = plan.System.Name, @object = plan.BusinessObject.Name, region = assessment.Region, staleMonths, version },
            cancellationToken: cancellationToken);
        return id;
    }

    /// <summary>Assessments the caller may see, newest first; of one system's object when both ids are given.</summary>
    public async Task<PagedResult<AssessmentView>> ListAsync(int page, int pageSize, Guid? systemId = null, Guid? objectId = null, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDataQuality);
        (page, pageSize) = (Math.Max(0, page), Math.Clamp(pageSize, 1, MaxPageSize));
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration).Filter(db.Assessments.AsNoTracking());
        if (systemId is { } s && objectId is { } o)
        {
            query = query.Where(a => a.SystemId == s && a.ObjectId == o);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(a => a.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var views = new List<AssessmentView>(rows.Count);
        foreach (var row in rows)
        {
            views.Add(await ViewAsync(row, configuration, cancellationToken));
        }
        return new PagedResult<AssessmentView>(views, total);
    }

    /// <summary>The assessment, or null when there is none the caller may see.</summary>
    public async Task<AssessmentView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDataQuality);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return row is null || !AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration).Includes(row.SystemId, row.ObjectId)
            ? null
            : await ViewAsync(row, configuration, cancellationToken);
    }

    /// <summary>The assessment's figures per field (by name); none when there is no assessment the caller may see.</summary>
    public async Task<IReadOnlyList<AssessmentField>> FieldsAsync(long id, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(id, cancellationToken) is null)
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.AssessmentFields.AsNoTracking().Where(f => f.AssessmentId == id).OrderBy(f => f.Field).ToListAsync(cancellationToken);
    }

    /// <summary>Cancels a queued or running assessment; false when it had finished already (or there is none).</summary>
    public async Task<bool> CancelAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.RunAssessments);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Assessments.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.SystemId, a.ObjectId }).FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }
        if (!AssessmentScope.Of(actor, Capability.RunAssessments, configuration).Includes(row.SystemId, row.ObjectId))
        {
            throw new UnauthorizedAccessException(CapabilityTable.Of(Capability.RunAssessments).Refusal);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var by = $"Cancelled by {actor.Name}.";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cancelled = await db.Assessments.Where(a => a.Id == id && (a.Status == AssessmentStatus.Queued || a.Status == AssessmentStatus.Running))
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AssessmentStatus.Cancelled).SetProperty(a => a.FinishedUtc, now).SetProperty(a => a.Error, by), cancellationToken);
        if (cancelled > 0)
        {
            await db.RaiseNowAsync(new AssessmentFinished(id, row.SystemId, row.ObjectId, nameof(AssessmentStatus.Cancelled)), now, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        runner.Cancel(id);
        if (cancelled > 0)
        {
            await audit.RecordAsync(AuditActions.AssessmentCancelled, AuditEntityType, id.ToString(CultureInfo.InvariantCulture), new { by = actor.Name },
                cancellationToken: cancellationToken);
        }
        return cancelled > 0;
    }

    /// <summary>Names from the current configuration; a system or object removed since is named as in the assessment's own version.</summary>
    private async Task<AssessmentView> ViewAsync(Assessment row, GovernanceConfiguration configuration, CancellationToken cancellationToken)
    {
        if (configuration.FindSystem(row.SystemId) is null || configuration.FindObject(row.ObjectId) is null)
        {
            configuration = (await published.VersionAsync(row.ConfigurationVersion, cancellationToken))?.Configuration ?? GovernanceConfiguration.Empty;
        }
        return new AssessmentView(row, configuration.FindSystem(row.SystemId)?.Name ?? "(removed system)", configuration.FindObject(row.ObjectId)?.Name ?? "(removed object)");
    }
}
