using CrmGovernance.Core.Data.Dialects;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Events;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// The one writer of new incidents. An occurrence folds into the unfinished incident of its cause and subject
/// (count, last seen, a timeline line, no notification); one after a recent end reopens it; otherwise a new incident
/// opens with its owner, severity, clocks, configuration version and the publish it probably followed, and
/// <see cref="IncidentChanged"/> tells people. Singleton: occurrences are recorded one at a time, so two triggers
/// seeing the same cause at once cannot open two incidents.
/// </summary>
public sealed class IncidentRecorder(IServiceScopeFactory scopes, PublishedConfiguration published, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Records one occurrence; returns the incident it opened, reopened or folded into.</summary>
    /// <param name="actor">Who reports it (a manual report, audited as them); null for a trigger (audited as the incident watch).</param>
    public async Task<long> RecordAsync(IncidentSignal signal, ActorContext? actor = null, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<ActorContext>();
        if (actor is null)
        {
            scoped.SetSystem("incidents", null);
        }
        else
        {
            actor.CopyTo(scoped);
        }
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        // In this process and across nodes (ADR 0019): two workers reporting one failure fold into one incident.
        return await DatabaseGate.RunAsync(contexts, _gate, DatabaseLock.IncidentFold, () => RecordLockedAsync(contexts, signal, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Changes incidents outside an occurrence (recovery, clocks, escalation, expiry) under the same lock, so an occurrence
    /// never folds into an incident being closed at that moment; in a scope acting as the incident watch (audited so).
    /// </summary>
    internal async Task<T> ExclusiveAsync<T>(Func<IDbContextFactory<CrmDbContext>, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().SetSystem("incident-watch", null);
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>();
        return await DatabaseGate.RunAsync(contexts, _gate, DatabaseLock.IncidentFold, () => work(contexts), cancellationToken);
    }

    private async Task<long> RecordLockedAsync(IDbContextFactory<CrmDbContext> contexts, IncidentSignal signal, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var current = await published.CurrentAsync(cancellationToken);
        var policy = current.Configuration.IncidentPolicyFor(signal.FlowId);
        var key = signal.FoldKey;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // At least once delivery: an event seen before (this process before a restart, or another node before it took the
        // subscriber over) was recorded with its sequence, under this same lock.
        if (signal.EventSequence is { } sequence
            && await db.Set<IncidentEntry>().Where(e => e.EventSequence == sequence).Select(e => (long?)e.IncidentId).FirstOrDefaultAsync(cancellationToken) is { } recorded)
        {
            return recorded;
        }
        var last = await db.Set<Incident>().Where(i => i.FoldKey == key).OrderByDescending(i => i.Id).FirstOrDefaultAsync(cancellationToken);

        if (last is { IsActive: true })
        {
            last.Occurrences++;
            last.LastSeenUtc = now;
            last.LastRunId = signal.RunId ?? last.LastRunId;
            Add(db, last.Id, now, IncidentEntryKind.Occurrence, signal.Detail, signal);
            await db.SaveChangesAsync(cancellationToken);
            return last.Id;
        }

        if (last is not null && last.Ending != IncidentEnding.Expired
            // A resolved incident's window counts from its resolution (closing it when the window passes does not extend it).
            && (last.ResolvedUtc ?? last.ClosedUtc) is { } ended && now - ended <= TimeSpan.FromHours(policy.ReopenWindowHours))
        {
            Reopen(last, policy, now, signal);
            Add(db, last.Id, now, IncidentEntryKind.Reopened, $"The cause came back: {signal.Detail}", signal);
            db.Raise(Changed(last, IncidentChanges.Reopened), now);
            await db.SaveChangesAsync(cancellationToken);
            return last.Id;
        }

        var incident = await OpenAsync(db, signal, key, current, policy, now, cancellationToken);
        // The incident and its first entry (which carries the event's sequence) commit together, or a crash between them
        // would leave an incident that a redelivered event folds into a second time.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        Add(db, incident.Id, now, IncidentEntryKind.Opened,
            incident.CausingSummary is { } cause ? $"{signal.Detail} {cause}" : signal.Detail, signal);
        db.Raise(Changed(incident, incident.OwnershipGap ? IncidentChanges.OwnershipGap : IncidentChanges.Opened), now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return incident.Id;
    }

    private static async Task<Incident> OpenAsync(CrmDbContext db, IncidentSignal signal, string key, PublishedSnapshot current,
        IncidentPolicy policy, DateTime now, CancellationToken cancellationToken)
    {
        var subject = IncidentSubject.Of(current.Configuration, signal.FlowId, signal.SystemId, signal.ObjectId);
        var incident = new Incident
        {
            FoldKey = key,
            Cause = signal.Cause,
            Severity = signal.Severity ?? IncidentDefaults.SeverityOf(signal.Cause),
            State = IncidentState.Open,
            Title = Clip(signal.Title, 300),
            Detail = Clip(signal.Detail, 4000),
            FlowId = signal.FlowId,
            SystemId = signal.SystemId,
            ObjectId = signal.ObjectId ?? subject.ObjectId,
            RecordId = signal.RecordId,
            SubjectName = Clip(subject.Name, 300),
            Owner = subject.Owner.ToLowerInvariant(),
            EscalationContact = subject.EscalationContact,
            ConfigurationVersion = current.Version,
            FirstSeenUtc = now,
            LastSeenUtc = now,
            OpenedUtc = now,
            ReportedBy = signal.ReportedBy,
            LastRunId = signal.RunId,
        };
        incident.OwnershipGap = !await IncidentOwnership.CanActAsync(db, incident.Owner, cancellationToken);
        IncidentDefaults.StartClocks(incident, policy, now);
        if (incident.OwnershipGap)
        {
            // Nobody can answer for it: the admins hear at once, as the last escalation step.
            incident.EscalationLevel = 3;
            incident.LastEscalatedUtc = now;
        }
        if (signal.Cause != IncidentCause.Reported && (signal.FlowId is not null || subject.SystemIds.Count > 0))
        {
            var link = signal.CausedBy ?? ChangeLink.Find(await RecentPublishesAsync(db, now - TimeSpan.FromMinutes(policy.ChangeLinkMinutes), cancellationToken),
                signal.FlowId, subject.SystemIds, now);
            incident.CausingVersion = link?.Version;
            incident.CausingChangeRequestId = link?.ChangeRequestId;
            incident.CausingSummary = link is null ? null : Clip(link.Summary, 2000);
        }
        return incident;
    }

    private static async Task<IReadOnlyList<(ConfigurationVersion, ChangeRequest?, GovernanceConfiguration, GovernanceConfiguration)>> RecentPublishesAsync(
        CrmDbContext db, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        // The first version has nothing before it to roll back to: it cannot be the change an incident followed.
        var versions = await db.ConfigurationVersions.AsNoTracking().Where(v => v.PublishedUtc >= sinceUtc && v.Number > 1)
            .OrderByDescending(v => v.Number).Take(10).ToListAsync(cancellationToken);
        var result = new List<(ConfigurationVersion, ChangeRequest?, GovernanceConfiguration, GovernanceConfiguration)>();
        foreach (var version in versions)
        {
            var previous = await db.ConfigurationVersions.AsNoTracking().Where(v => v.Number < version.Number)
                .OrderByDescending(v => v.Number).Select(v => v.SnapshotJson).FirstOrDefaultAsync(cancellationToken);
            var request = version.ChangeRequestId is { } id
                ? await db.ChangeRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
                : null;
            result.Add((version, request, previous is null ? GovernanceConfiguration.Empty : ConfigurationJson.Deserialize(previous),
                ConfigurationJson.Deserialize(version.SnapshotJson)));
        }
        return result;
    }

    private static void Reopen(Incident incident, IncidentPolicy policy, DateTime now, IncidentSignal signal)
    {
        incident.State = IncidentState.Open;
        incident.Ending = null;
        incident.ReopenCount++;
        incident.Occurrences++;
        incident.LastSeenUtc = now;
        incident.LastRunId = signal.RunId ?? incident.LastRunId;
        incident.AcknowledgedUtc = null;
        incident.ResolvedUtc = null;
        incident.ClosedUtc = null;
        incident.ResolutionNote = null;
        incident.ResolutionCategory = null;
        IncidentDefaults.StartClocks(incident, policy, now);
    }

    /// <summary>The notification-worthy change: to the owner, or to the admins when nobody owns it.</summary>
    public static IncidentChanged Changed(Incident incident, string change, string? text = null) => new(
        incident.Id, change, incident.Severity.ToString(), incident.Title,
        incident.Owner.Length > 0 ? [incident.Owner] : [], incident.OwnershipGap, text);

    private static void Add(CrmDbContext db, long incidentId, DateTime now, IncidentEntryKind kind, string text, IncidentSignal signal) =>
        db.Add(new IncidentEntry
        {
            IncidentId = incidentId, AtUtc = now, Kind = kind, Actor = signal.ReportedBy ?? "system",
            Text = Clip(text, 4000), RunId = signal.RunId, RecordId = signal.RecordId, EventSequence = signal.EventSequence,
        });

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
