using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>
/// Who answers for every object, flow and system of the published configuration, their active incidents, and the
/// gaps: an owner who is missing, not a user, disabled or without a role that can act, a missing steward. A missing
/// escalation contact is a warning. Three queries for the whole view (accounts, roles, incidents).
/// </summary>
public sealed class OwnershipView(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, TimeProvider clock, ActorContext actor)
{
    public async Task<OwnershipReport> ReadAsync(CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ViewOwnership);
        var snapshot = await published.CurrentAsync(cancellationToken);
        var c = snapshot.Configuration;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var owners = c.Objects.Select(o => o.Owner).Concat(c.Flows.Select(f => f.Owner)).Concat(c.Systems.Select(s => s.Owner));
        var people = await PeopleDirectory.LoadAsync(db, owners, cancellationToken);
        var incidents = await ActiveIncidents.LoadAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);

        var objects = c.Objects.Select(o => Row(OwnershipKind.BusinessObject, o.Id, o.Name, o.Owner, o, incidents.OfObject(o.Id), people));
        var flows = c.Flows.Select(f =>
        {
            var obj = c.FindObject(f.ObjectId);
            // As an incident reads it: the flow's owner, else its object's.
            var owner = string.IsNullOrWhiteSpace(f.Owner) ? obj?.Owner ?? "" : f.Owner;
            return Row(OwnershipKind.Flow, f.Id, f.Name, owner, obj, incidents.OfFlow(f.Id), people);
        });
        var systems = c.Systems.Select(s => SystemRow(c, s, incidents.OfSystem(s.Id), people));
        return new OwnershipReport(snapshot.Version, Sorted(objects), Sorted(flows), Sorted(systems));
    }

    private static OwnershipRow Row(OwnershipKind kind, Guid id, string name, string owner, BusinessObject? obj, IncidentClockStatus status,
        PeopleDirectory people)
    {
        var steward = obj?.Steward.Trim() ?? "";
        var contact = obj?.EscalationContact.Trim() ?? "";
        var notes = new List<OwnershipNote>();
        if (people.OwnerGap(owner) is { } gap)
        {
            notes.Add(new OwnershipNote(gap, true));
        }
        if (steward.Length == 0)
        {
            notes.Add(new OwnershipNote(kind == OwnershipKind.BusinessObject ? "No steward" : "Its object has no steward", true));
        }
        if (contact.Length == 0)
        {
            notes.Add(new OwnershipNote(kind == OwnershipKind.BusinessObject ? "No escalation contact" : "Its object has no escalation contact", false));
        }
        return new OwnershipRow(kind, id, name, owner.Trim(), steward, contact, status, notes);
    }

    /// <summary>A system has no object of its own: its steward and contact are those of the objects its flows carry.</summary>
    private static OwnershipRow SystemRow(GovernanceConfiguration c, ConnectedSystem s, IncidentClockStatus status, PeopleDirectory people)
    {
        var objects = c.Flows.Where(f => f.SourceSystemId == s.Id || f.TargetSystemId == s.Id)
            .Select(f => c.FindObject(f.ObjectId)).OfType<BusinessObject>().DistinctBy(o => o.Id).ToList();
        var notes = new List<OwnershipNote>();
        if (people.OwnerGap(s.Owner) is { } gap)
        {
            notes.Add(new OwnershipNote(gap, true));
        }
        var contacts = Joined(objects.Select(o => o.EscalationContact));
        if (objects.Count > 0 && contacts.Length == 0)
        {
            notes.Add(new OwnershipNote("Its objects have no escalation contact", false));
        }
        return new OwnershipRow(OwnershipKind.System, s.Id, s.Name, s.Owner.Trim(), Joined(objects.Select(o => o.Steward)), contacts, status, notes);
    }

    private static string Joined(IEnumerable<string> people) =>
        string.Join(", ", people.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase));

    private static List<OwnershipRow> Sorted(IEnumerable<OwnershipRow> rows) =>
        [.. rows.OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(r => r.Id)];
}
