using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Quality.Assessments;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>
/// Retiring a field through the same reviewed change process as everything else: proposing opens the change request
/// of its first step, and each later step opens its own once the one before is published (the last one only after the
/// watch period). Every step is reviewed by someone else and reversible like any configuration version.
/// </summary>
public sealed class FieldRetirementService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published,
    ChangeRequestService changeRequests, TimeProvider clock)
{
    public const string AuditEntityType = "FieldRetirement";
    public const int MaxReasonLength = 1000;
    public const int MaxWatchDays = 365;
    public const int DefaultWatchDays = 30;

    /// <summary>A change request's title column holds 200 characters; a long field or object name is cut to fit.</summary>
    private const int MaxTitleLength = 200;

    /// <summary>Starts retiring a field: records the proposal and opens the change request of its first step that is not done.</summary>
    /// <exception cref="ArgumentException">The reason or the watch period is not valid (the message says why).</exception>
    /// <exception cref="InvalidOperationException">The field is gone or already being retired.</exception>
    public async Task<RetirementStarted> ProposeAsync(Guid fieldId, string reason, int watchDays = DefaultWatchDays, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var field = configuration.Fields.Find(f => f.Id == fieldId) ?? throw new InvalidOperationException("That field is not in the published configuration.");
        EnsureAnswersFor(configuration, field);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("Reason: say why the field should go, so the reviewers of each step know.", nameof(reason));
        }
        if (reason.Trim().Length > MaxReasonLength)
        {
            throw new ArgumentException($"Reason: at most {MaxReasonLength:N0} characters, not {reason.Trim().Length:N0}.", nameof(reason));
        }
        if (watchDays is < 1 or > MaxWatchDays)
        {
            throw new ArgumentException($"Watch period: give a number of days from 1 to {MaxWatchDays}, not {watchDays}.", nameof(watchDays));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.FieldRetirements.AnyAsync(r => r.FieldId == fieldId && r.AbandonedUtc == null, cancellationToken))
        {
            throw new InvalidOperationException($"The field {field.Name} is already being retired; carry on with that retirement's next step.");
        }
        var retirement = new FieldRetirement
        {
            FieldId = field.Id, SystemId = field.SystemId, ObjectId = field.ObjectId, Field = field.Name.Length <= 200 ? field.Name : field.Name[..200],
            Reason = reason.Trim(), WatchDays = watchDays,
            ProposedBy = actor.Name, ProposedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.FieldRetirements.Add(retirement);
        await db.SaveChangesAsync(cancellationToken);
        var view = (await ViewsAsync(db, [retirement], configuration, FieldUsageMap.Of(configuration), clock.GetUtcNow().UtcDateTime, cancellationToken))[field.Id];
        if (!view.CanStartNext)
        {
            // Already deprecated and nothing writes it: the proposal is kept and waits for its watch period (or for the uses to go).
            return new RetirementStarted(retirement.Id, null, null, view.Next);
        }
        try
        {
            return await StartAsync(db, retirement, configuration, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // No change request came of it: nothing of the proposal is kept, so it can be made again.
            db.FieldRetirements.Remove(retirement);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    /// <summary>Opens the change request of the retirement's next step, when <see cref="FieldRetirementView.CanStartNext"/> says it may.</summary>
    /// <exception cref="InvalidOperationException">The next step cannot start yet (the message says why).</exception>
    public async Task<RetirementStarted> StartNextStepAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var retirement = await db.FieldRetirements.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new InvalidOperationException("That field retirement does not exist.");
        EnsureAnswersFor(configuration, retirement);
        return await StartAsync(db, retirement, configuration, cancellationToken);
    }

    /// <summary>Gives up a retirement; steps already published stay until rolled back like any version.</summary>
    public async Task AbandonAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var retirement = await db.FieldRetirements.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new InvalidOperationException("That field retirement does not exist.");
        EnsureAnswersFor(configuration, retirement);
        if (retirement.AbandonedUtc is not null)
        {
            return;
        }
        retirement.AbandonedBy = actor.Name;
        retirement.AbandonedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The retirement as the page shows it.</summary>
    public async Task<FieldRetirementView?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDataQuality);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var retirement = await db.FieldRetirements.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (retirement is null || !AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration).Includes(retirement.SystemId, retirement.ObjectId))
        {
            return null;
        }
        var views = await ViewsAsync(db, [retirement], configuration, FieldUsageMap.Of(configuration), clock.GetUtcNow().UtcDateTime, cancellationToken);
        return views[retirement.FieldId];
    }

    private async Task<RetirementStarted> StartAsync(CrmDbContext db, FieldRetirement retirement, GovernanceConfiguration configuration, CancellationToken cancellationToken)
    {
        var map = FieldUsageMap.Of(configuration);
        var view = (await ViewsAsync(db, [retirement], configuration, map, clock.GetUtcNow().UtcDateTime, cancellationToken))[retirement.FieldId];
        if (!view.CanStartNext)
        {
            throw new InvalidOperationException(view.Next);
        }
        var field = configuration.Fields.Find(f => f.Id == retirement.FieldId)!;
        var where = $"{configuration.FindObject(field.ObjectId)?.Name}.{field.Name} in {configuration.FindSystem(field.SystemId)?.Name}";
        var number = (int)view.Current + 1;
        var title = $"Retire {where}: step {number} of 3, {StepTitle(view.Current).ToLowerInvariant()}";
        title = title.Length <= MaxTitleLength ? title : title[..(MaxTitleLength - 1)] + "…";
        var changes = view.Current switch
        {
            RetirementStep.StopWriting => map.UsesOf(field.Id).Where(u => u.Kind == FieldUseKind.MappingWrites)
                .Select(u => (ConfigurationItemKind.Mapping, u.ItemId, (IConfigurationItem?)null)).Distinct().ToList(),
            RetirementStep.Deprecate => [(ConfigurationItemKind.Field, field.Id, field with { Deprecated = true })],
            _ => [(ConfigurationItemKind.Field, field.Id, (IConfigurationItem?)null)],
        };
        var why = $"{retirement.Reason}\n\nField retirement #{retirement.Id.ToString(CultureInfo.InvariantCulture)}, proposed by {retirement.ProposedBy}. " + view.Current switch
        {
            RetirementStep.StopWriting => "This step removes the mappings that write the field.",
            RetirementStep.Deprecate => $"This step marks the field deprecated; it can be removed {retirement.WatchDays} days after this is published.",
            _ => "This step removes the field from the catalog.",
        };
        var requestId = await changeRequests.CreateDraftAsync(title, why, cancellationToken: cancellationToken);
        var filled = await changeRequests.FillDraftAsync(requestId, changes, cancellationToken: cancellationToken);
        if (!filled.Succeeded)
        {
            throw new InvalidOperationException($"The change request for step {number} could not be filled: {string.Join(" ", filled.Errors)}");
        }
        switch (view.Current)
        {
            case RetirementStep.StopWriting: retirement.StopWritingRequestId = requestId; break;
            case RetirementStep.Deprecate: retirement.DeprecateRequestId = requestId; break;
            default: retirement.RetireRequestId = requestId; break;
        }
        await db.SaveChangesAsync(cancellationToken);
        var label = await db.ChangeRequests.Where(r => r.Id == requestId).Select(r => r.Number).FirstAsync(cancellationToken);
        return new RetirementStarted(retirement.Id, requestId, ChangeRequest.LabelOf(label), $"{ChangeRequest.LabelOf(label)} opened: submit it for review.");
    }

    /// <summary>The views of retirements by field id (the newest per field), from the configuration and their change requests.</summary>
    internal static async Task<Dictionary<Guid, FieldRetirementView>> ViewsAsync(CrmDbContext db, IReadOnlyList<FieldRetirement> retirements,
        GovernanceConfiguration configuration, FieldUsageMap map, DateTime now, CancellationToken cancellationToken)
    {
        var ids = retirements.SelectMany(r => new[] { r.StopWritingRequestId, r.DeprecateRequestId, r.RetireRequestId }).OfType<Guid>().ToList();
        var requests = await db.ChangeRequests.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var latestPublished = await db.ConfigurationVersions.AsNoTracking().OrderByDescending(v => v.Number).Select(v => (DateTime?)v.PublishedUtc)
            .FirstOrDefaultAsync(cancellationToken) ?? now;
        return retirements.GroupBy(r => r.FieldId)
            .ToDictionary(g => g.Key, g => View(g.OrderByDescending(r => r.Id).First(), configuration, map, requests, now, latestPublished));
    }

    /// <param name="latestPublished">When the current version was published: the watch starts then when the field was deprecated other than by this retirement's step.</param>
    internal static FieldRetirementView View(FieldRetirement r, GovernanceConfiguration configuration, FieldUsageMap map,
        IReadOnlyDictionary<Guid, ChangeRequest> requests, DateTime now, DateTime latestPublished)
    {
        var field = configuration.Fields.Find(f => f.Id == r.FieldId);
        var uses = field is null ? [] : map.UsesOf(field.Id);
        var done = new Dictionary<RetirementStep, bool>
        {
            [RetirementStep.StopWriting] = field is null || !uses.Any(u => u.Kind == FieldUseKind.MappingWrites),
            [RetirementStep.Deprecate] = field is null || field.Deprecated,
            [RetirementStep.Retire] = field is null,
        };
        var current = done.Where(d => !d.Value).Select(d => (RetirementStep?)d.Key).FirstOrDefault() ?? RetirementStep.Done;
        ChangeRequest? RequestOf(RetirementStep step) => (step switch
        {
            RetirementStep.StopWriting => r.StopWritingRequestId,
            RetirementStep.Deprecate => r.DeprecateRequestId,
            RetirementStep.Retire => r.RetireRequestId,
            _ => null,
        }) is { } id && requests.TryGetValue(id, out var request) ? request : null;
        var steps = done.Select(d => RequestOf(d.Key) is { } q
            ? new RetirementStepView(d.Key, StepTitle(d.Key), d.Value, q.Id, q.Label, q.Status)
            : new RetirementStepView(d.Key, StepTitle(d.Key), d.Value, null, null, null)).ToList();
        var (canStart, next) = Next(r, current, RequestOf(current), RequestOf(RetirementStep.Deprecate), uses, now, latestPublished);
        return new FieldRetirementView(r.Id, r.FieldId, r.Field, r.Reason, r.WatchDays, r.ProposedBy, r.ProposedUtc, current, steps, canStart, next,
            r.AbandonedUtc is null && current != RetirementStep.Done);
    }

    private static (bool CanStart, string Next) Next(FieldRetirement r, RetirementStep current, ChangeRequest? request, ChangeRequest? deprecation,
        IReadOnlyList<FieldUse> uses, DateTime now, DateTime latestPublished)
    {
        if (current == RetirementStep.Done)
        {
            return (false, "Retired: the field is no longer in the catalog.");
        }
        if (r.AbandonedUtc is { } abandoned)
        {
            return (false, $"Abandoned by {r.AbandonedBy} on {abandoned:yyyy-MM-dd}.");
        }
        var number = (int)current + 1;
        if (request is { Status: ChangeRequestStatus.Draft or ChangeRequestStatus.Submitted })
        {
            return (false, $"Step {number} waits for {request.Label} ({(request.Status == ChangeRequestStatus.Draft ? "a draft: submit it" : "submitted: waiting for review")}).");
        }
        if (current == RetirementStep.Retire)
        {
            // Deprecated by this retirement's step: from its publication. Otherwise (by hand, or a restored version) it is not known
            // when, so the watch runs from the current version's publication: never shorter than asked.
            var since = deprecation is { Status: ChangeRequestStatus.Approved, DecidedUtc: { } decided } ? decided : latestPublished;
            var from = since.AddDays(r.WatchDays);
            if (now < from)
            {
                return (false, $"Watching until {from:yyyy-MM-dd HH:mm} UTC ({r.WatchDays} days after the deprecation was published); then it can be removed.");
            }
            if (uses.Count > 0)
            {
                return (false, $"It is still used: {uses[0].Description}{(uses.Count > 1 ? $" (and {uses.Count - 1} more)" : "")} Remove those uses in a change request first.");
            }
        }
        var again = request is { Status: ChangeRequestStatus.Approved }
            ? $"{request.Label} was published, then undone by a later version. "
            : request is not null ? $"{request.Label} was {request.Status.ToString().ToLowerInvariant()}. " : "";
        return (true, $"{again}Next: step {number} of 3, {StepTitle(current).ToLowerInvariant()}.");
    }

    internal static string StepTitle(RetirementStep step) => step switch
    {
        RetirementStep.StopWriting => "Stop writing it",
        RetirementStep.Deprecate => "Mark it deprecated",
        RetirementStep.Retire => "Remove it from the catalog",
        _ => "Retired",
    };

    private void EnsureAnswersFor(GovernanceConfiguration configuration, FieldDefinition field) => EnsureAnswersFor(configuration, field.SystemId, field.ObjectId);

    private void EnsureAnswersFor(GovernanceConfiguration configuration, FieldRetirement retirement) =>
        EnsureAnswersFor(configuration, retirement.SystemId, retirement.ObjectId);

    private void EnsureAnswersFor(GovernanceConfiguration configuration, Guid systemId, Guid objectId)
    {
        if (!AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration).Includes(systemId, objectId))
        {
            throw new UnauthorizedAccessException("Only an admin, or the owner or steward of the object or the system, may retire its fields.");
        }
    }
}

/// <summary>A retirement step's change request, just opened as a draft; none when the proposal has to wait (<see cref="Next"/> says for what).</summary>
public sealed record RetirementStarted(long RetirementId, Guid? ChangeRequestId, string? ChangeRequestLabel, string Next);
