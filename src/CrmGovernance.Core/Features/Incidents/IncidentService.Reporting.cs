using CrmGovernance.Core.Access;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents;

public sealed partial class IncidentService
{
    public const int MaxTitleLength = 300;

    /// <summary>A problem reported by hand opens an incident of its own (reports never fold), owned like any other.</summary>
    public async Task<ReportedIncident> ReportAsync(IncidentReport report, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReportIncidents);
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(report.Title))
        {
            errors.Add("Give the problem a title.");
        }
        else if (report.Title.Trim().Length > MaxTitleLength)
        {
            errors.Add($"A title is at most {MaxTitleLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(report.Description))
        {
            errors.Add("Describe what you saw.");
        }
        else if (report.Description.Trim().Length > MaxTextLength)
        {
            errors.Add($"A description is at most {MaxTextLength:N0} characters.");
        }
        if (report.FlowId is null && report.SystemId is null && report.ObjectId is null)
        {
            errors.Add("Say what the problem is about: an object, a flow or a system.");
        }
        if ((report.FlowId is { } f && configuration.FindFlow(f) is null) || (report.SystemId is { } s && configuration.FindSystem(s) is null)
            || (report.ObjectId is { } o && configuration.FindObject(o) is null))
        {
            errors.Add("That object, flow or system is not in the published configuration.");
        }
        if (report.RecordId?.Trim().Length > 200)
        {
            errors.Add("A record id is at most 200 characters.");
        }
        if (errors.Count > 0)
        {
            return new(new OperationResult(errors), null);
        }
        var signal = new IncidentSignal(IncidentCause.Reported, report.Title.Trim(), report.Description.Trim())
        {
            FlowId = report.FlowId, SystemId = report.SystemId, ObjectId = report.ObjectId,
            RecordId = string.IsNullOrWhiteSpace(report.RecordId) ? null : report.RecordId.Trim(),
            Severity = report.Severity, ReportedBy = actor.Name,
        };
        return new(OperationResult.Success, await recorder.RecordAsync(signal, actor, cancellationToken));
    }

    /// <summary>
    /// Drafts a change request restoring the version before the one the incident followed, and notes it on the timeline.
    /// The request is reviewed like any other: nothing changes until someone else approves it.
    /// </summary>
    public async Task<RollbackDraft> DraftRollbackAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.DraftChanges);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incident = await db.Set<Incident>().AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.CausingVersion }).FirstOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return new(OperationResult.Fail("This incident does not exist."), null, null);
        }
        if (incident.CausingVersion is not { } causing || causing < 2)
        {
            return new(OperationResult.Fail("This incident is not linked to a configuration change: there is no version to roll back to."), null, null);
        }
        Guid requestId;
        try
        {
            requestId = await versions.CreateRollbackAsync(causing - 1, cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            return new(OperationResult.Fail("The rollback could not be drafted: " + e.Message), null, null);
        }
        var label = await db.ChangeRequests.AsNoTracking().Where(r => r.Id == requestId).Select(r => r.Number).FirstAsync(cancellationToken);
        db.Add(new IncidentEntry
        {
            IncidentId = id, AtUtc = clock.GetUtcNow().UtcDateTime, Kind = IncidentEntryKind.Comment, Actor = actor.Name,
            Text = $"Drafted {ChangeControl.ChangeRequest.LabelOf(label)} to restore version {causing - 1}, undoing version {causing}; it takes effect once someone else approves it.",
        });
        await db.SaveChangesAsync(cancellationToken);
        return new(OperationResult.Success, requestId, causing - 1);
    }

    /// <summary>What the signed-in person may do on this incident, with the reason when not (for the page's buttons).</summary>
    public async Task<IncidentPermissions> PermissionsAsync(long id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewIncidents);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var incident = await db.Set<Incident>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (incident is null)
        {
            return IncidentPermissions.None;
        }
        var configuration = (await published.CurrentAsync(cancellationToken)).Configuration;
        var mayWork = IncidentAccountability.MayWork(actor, configuration, incident);
        var mayDraft = actor.Holds(Capability.DraftChanges);
        return new(mayWork, mayWork ? null : CapabilityTable.Of(Capability.WorkIncidents).Refusal,
            mayDraft, mayDraft ? null : CapabilityTable.Of(Capability.DraftChanges).Refusal);
    }

    /// <summary>For Home: the person's active incidents (newest ten), breached clocks among them, and ownership gaps for admins.</summary>
    public async Task<MyIncidents> WaitingForMeAsync(CancellationToken cancellationToken = default)
    {
        if (!actor.Holds(Capability.ViewIncidents) || actor.IsSystem)
        {
            return MyIncidents.Nothing;
        }
        var me = actor.Name.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = db.Set<Incident>().AsNoTracking().Where(i => i.State == IncidentState.Open || i.State == IncidentState.Acknowledged);
        var mine = active.Where(i => i.Owner == me);
        var rows = await mine.OrderBy(i => i.Severity == IncidentSeverity.Critical ? 0 : i.Severity == IncidentSeverity.High ? 1 : i.Severity == IncidentSeverity.Medium ? 2 : 3)
            .ThenByDescending(i => i.Id).Take(10)
            .Select(i => new IncidentRow(i.Id, i.Title, i.Cause, i.Severity, i.State, i.Ending, i.SubjectName, i.FlowId, i.SystemId,
                i.Owner, i.OwnershipGap, i.Occurrences, i.OpenedUtc, i.LastSeenUtc, i.AcknowledgeDueUtc, i.ResolveDueUtc,
                i.AcknowledgeBreached, i.ResolveBreached, i.EscalationLevel, i.ConfigurationVersion, i.CausingVersion))
            .ToListAsync(cancellationToken);
        var total = await mine.CountAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        // The clock watch flags breaches on its round; a clock that ran out since then counts already.
        var breached = await mine.CountAsync(i => i.AcknowledgeBreached || i.ResolveBreached
            || (i.State == IncidentState.Open && i.AcknowledgeDueUtc < now) || i.ResolveDueUtc < now, cancellationToken);
        var gaps = actor.HoldsEverywhere(Capability.WorkIncidents) ? await active.CountAsync(i => i.OwnershipGap, cancellationToken) : 0;
        return new(rows, total, breached, gaps);
    }
}
