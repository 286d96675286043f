using System.Globalization;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// Working an incident, for the signed-in person: acknowledge, comment, change its severity, resolve it; report a problem
/// by hand; draft the rollback of the change it followed. Each action is a timeline line with the actor, and the
/// changes people are told about raise <see cref="IncidentChanged"/> to the owner.
/// </summary>
public sealed partial class IncidentService(
    IDbContextFactory<CrmDbContext> contexts, ActorContext actor, PublishedConfiguration published, TimeProvider clock,
    IncidentRecorder recorder, VersionHistoryService versions)
{
    public const int MaxTextLength = 4000;

    public Task<OperationResult> AcknowledgeAsync(long id, CancellationToken cancellationToken = default) =>
        ActAsync(id, (incident, _, now) =>
        {
            if (incident.State == IncidentState.Acknowledged)
            {
                return Step.Refuse($"Already acknowledged at {Utc(incident.AcknowledgedUtc)}.");
            }
            if (!incident.IsActive)
            {
                return Step.Refuse($"This incident is {incident.State.ToString().ToLowerInvariant()}: there is nothing to acknowledge.");
            }
            incident.State = IncidentState.Acknowledged;
            incident.AcknowledgedUtc = now;
            return new(IncidentEntryKind.Acknowledged, "Acknowledged.", IncidentChanges.Acknowledged);
        }, cancellationToken);

    public Task<OperationResult> CommentAsync(long id, string text, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Task.FromResult(OperationResult.Fail("Write a comment first."));
        }
        if (text.Trim().Length > MaxTextLength)
        {
            return Task.FromResult(OperationResult.Fail($"A comment is at most {MaxTextLength:N0} characters."));
        }
        return ActAsync(id, (_, _, _) => new(IncidentEntryKind.Comment, text.Trim(), null), cancellationToken);
    }

    /// <summary>A new severity restarts both clocks from now, under the incident policy of its flow.</summary>
    public Task<OperationResult> ChangeSeverityAsync(long id, IncidentSeverity severity, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Task.FromResult(OperationResult.Fail("Say why the severity changes."));
        }
        return ActAsync(id, (incident, configuration, now) =>
        {
            if (!incident.IsActive)
            {
                return Step.Refuse($"This incident is {incident.State.ToString().ToLowerInvariant()}: its severity no longer matters.");
            }
            if (incident.Severity == severity)
            {
                return Step.Refuse($"The severity is already {severity}.");
            }
            var before = incident.Severity;
            incident.Severity = severity;
            IncidentDefaults.StartClocks(incident, configuration.IncidentPolicyFor(incident.FlowId), now);
            return new(IncidentEntryKind.SeverityChanged, Clip($"Severity {before} → {severity}: {reason.Trim()} The clocks restart now.", MaxTextLength),
                IncidentChanges.SeverityChanged);
        }, cancellationToken);
    }

    /// <summary>Resolving needs a note (what was done) and a cause category, for the metrics and the next person.</summary>
    public Task<OperationResult> ResolveAsync(long id, string note, ResolutionCategory? category, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(note))
        {
            errors.Add("Write a resolution note: what was wrong and what was done.");
        }
        else if (note.Trim().Length > MaxTextLength)
        {
            errors.Add($"A resolution note is at most {MaxTextLength:N0} characters.");
        }
        if (category is null)
        {
            errors.Add("Choose a cause category.");
        }
        if (errors.Count > 0)
        {
            return Task.FromResult(new OperationResult(errors));
        }
        return ActAsync(id, (incident, _, now) =>
        {
            if (!incident.IsActive)
            {
                return Step.Refuse($"This incident is already {incident.State.ToString().ToLowerInvariant()}{(incident.ResolvedUtc is { } at ? " (" + Utc(at) + ")" : "")}.");
            }
            incident.State = IncidentState.Resolved;
            incident.Ending = IncidentEnding.Resolved;
            incident.ResolvedUtc = now;
            incident.ResolutionNote = note.Trim();
            incident.ResolutionCategory = category;
            return new(IncidentEntryKind.Resolved, $"Resolved ({category}): {note.Trim()}", IncidentChanges.Resolved);
        }, cancellationToken);
    }

    /// <summary>
    /// One action on one incident. The row is locked first (a no-op update takes the write lock) and read again inside
    /// the transaction, so two people acting at once are applied one after the other and the second sees the first's result.
    /// </summary>
    private async Task<OperationResult> ActAsync(long id, Func<Incident, GovernanceConfiguration, DateTime, Step> decide, CancellationToken cancellationToken)
    {
        actor.Ensure(Capability.WorkIncidents);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var locked = await db.Set<Incident>().Where(i => i.Id == id).ExecuteUpdateAsync(s => s.SetProperty(i => i.State, i => i.State), cancellationToken);
        var incident = locked == 0 ? null : await db.Set<Incident>().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return OperationResult.Fail("This incident does not exist.");
        }
        if (!IncidentAccountability.MayWork(actor, configuration, incident))
        {
            throw new UnauthorizedAccessException(CapabilityTable.Of(Capability.WorkIncidents).Refusal);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var step = decide(incident, configuration, now);
        if (step.Error is { } error)
        {
            return OperationResult.Fail(error);
        }
        db.Add(new IncidentEntry { IncidentId = id, AtUtc = now, Kind = step.Kind, Actor = actor.Name, Text = Clip(step.Text, MaxTextLength) });
        if (step.Change is { } change)
        {
            db.Raise(IncidentRecorder.Changed(incident, change, $"{step.Text} ({actor.Name})"), now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return OperationResult.Success;
    }

    private static string Utc(DateTime? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private sealed record Step(IncidentEntryKind Kind, string Text, string? Change)
    {
        public string? Error { get; init; }

        public static Step Refuse(string error) => new(IncidentEntryKind.Comment, "", null) { Error = error };
    }
}
