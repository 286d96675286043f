using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Quality.Assessments;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Quality.KnownIssues;

/// <summary>
/// Findings an owner accepts as known issues, with a reason, until a date (at most a year ahead). Every acceptance and
/// withdrawal is a change to governed data, written to the audit trail by the context (<see cref="KnownIssueConfiguration"/>).
/// </summary>
public sealed class KnownIssueService(IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, TimeProvider clock)
{
    public const int MaxReasonLength = 1000;
    public const int MaxDaysAhead = 366;

    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Whether the caller may accept findings of this system's object (to offer the action); reveals nothing else.</summary>
    public async Task<bool> MayAcceptAsync(Guid systemId, Guid objectId, CancellationToken cancellationToken = default)
    {
        if (!actor.Holds(Capability.AcceptFindings))
        {
            return false;
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        return actor.HoldsFor(Capability.AcceptFindings, [Owners(configuration, systemId, objectId)]);
    }

    /// <summary>Every acceptance of the system's object, holding or not (newest first); none when the caller may not see its data quality.</summary>
    public async Task<IReadOnlyList<KnownIssue>> ListAsync(Guid systemId, Guid objectId, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewDataQuality);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        if (!AssessmentScope.Of(actor, Capability.ViewDataQuality, configuration).Includes(systemId, objectId))
        {
            return [];
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.KnownIssues.AsNoTracking().Where(k => k.SystemId == systemId && k.ObjectId == objectId)
            .OrderByDescending(k => k.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Accepts the finding until the date; an acceptance of the same finding still holding is withdrawn in its favour.</summary>
    /// <exception cref="ArgumentException">No reason, a reason too long, or a date in the past or more than a year ahead.</exception>
    /// <exception cref="InvalidOperationException">The system, object or field is not in the published configuration.</exception>
    public async Task<long> AcceptAsync(Guid systemId, Guid objectId, string field, FindingKind finding, string reason, DateOnly until,
        CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.AcceptFindings);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var party = Party(configuration, systemId, objectId, field, finding);
        actor.EnsureFor(Capability.AcceptFindings, [party]);
        var text = reason?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new ArgumentException("Reason: say why this finding is accepted, so the next person to see it knows.", nameof(reason));
        }
        if (text.Length > MaxReasonLength)
        {
            throw new ArgumentException($"Reason: at most {MaxReasonLength} characters (this one has {text.Length}).", nameof(reason));
        }
        if (until < Today || until > Today.AddDays(MaxDaysAhead))
        {
            throw new ArgumentException($"Until: a date from today to {Today.AddDays(MaxDaysAhead):yyyy-MM-dd}; the finding comes back after it.", nameof(until));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var holding in await Holding(db, systemId, objectId, field.Trim(), finding).ToListAsync(cancellationToken))
        {
            (holding.WithdrawnBy, holding.WithdrawnUtc) = (actor.Name, now);
        }
        var issue = new KnownIssue
        {
            SystemId = systemId, ObjectId = objectId, Field = field.Trim(), Finding = finding, Reason = text, Until = until, AcceptedBy = actor.Name, AcceptedUtc = now,
        };
        db.KnownIssues.Add(issue);
        await db.SaveChangesAsync(cancellationToken);
        return issue.Id;
    }

    /// <summary>Withdraws an acceptance still holding: the finding shows as a finding again. False when there is none to withdraw.</summary>
    public async Task<bool> WithdrawAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.AcceptFindings);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var issue = await db.KnownIssues.FirstOrDefaultAsync(k => k.Id == id && k.WithdrawnUtc == null, cancellationToken);
        if (issue is null)
        {
            return false;
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        actor.EnsureFor(Capability.AcceptFindings, [Owners(configuration, issue.SystemId, issue.ObjectId)]);
        (issue.WithdrawnBy, issue.WithdrawnUtc) = (actor.Name, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static IQueryable<KnownIssue> Holding(CrmDbContext db, Guid systemId, Guid objectId, string field, FindingKind finding) =>
        db.KnownIssues.Where(k => k.SystemId == systemId && k.ObjectId == objectId && k.Field == field && k.Finding == finding && k.WithdrawnUtc == null);

    private static AccountableParty Party(GovernanceConfiguration configuration, Guid systemId, Guid objectId, string field, FindingKind finding)
    {
        if (configuration.FindSystem(systemId) is null || configuration.FindObject(objectId) is null)
        {
            throw new InvalidOperationException("That system or object is not in the published configuration.");
        }
        var perObject = finding == FindingKind.StaleRecords;
        if (perObject != string.IsNullOrWhiteSpace(field)
            || (!perObject && !configuration.CatalogOf(systemId, objectId).ContainsKey(field.Trim())))
        {
            throw new InvalidOperationException(perObject
                ? "Stale records are a finding about the whole object: accept it without a field."
                : $"The catalog has no field '{field}' of that object in that system.");
        }
        return Owners(configuration, systemId, objectId);
    }

    /// <summary>The object's owner and the system's owner answer for what its data is like.</summary>
    private static AccountableParty Owners(GovernanceConfiguration configuration, Guid systemId, Guid objectId)
    {
        var (system, businessObject) = (configuration.FindSystem(systemId), configuration.FindObject(objectId));
        return new AccountableParty($"{businessObject?.Name ?? "an object no longer configured"} in {system?.Name ?? "a system no longer configured"}",
            [businessObject?.Owner ?? "", system?.Owner ?? ""], []);
    }
}
