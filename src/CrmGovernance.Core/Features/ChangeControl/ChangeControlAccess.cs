using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Users;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>Who may read, draft and review configuration changes.</summary>
public static class ChangeControlAccess
{
    public static bool MayRead(ActorContext actor) =>
        actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.BusinessOwner) || actor.IsInRole(Roles.Auditor);

    public static bool MayDraft(ActorContext actor) => actor.IsInRole(Roles.Admin) || actor.IsInRole(Roles.BusinessOwner);

    /// <summary>
    /// Admins, or a business owner who owns every object the request affects (any business owner when it affects none,
    /// e.g. a system or a journey). Never the author: that is checked where the request is known.
    /// </summary>
    public static bool MayReview(ActorContext actor, IReadOnlyCollection<BusinessObject> affected) =>
        actor.IsInRole(Roles.Admin)
        || (actor.IsInRole(Roles.BusinessOwner)
            && affected.All(o => string.Equals(o.Owner, actor.Name, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The objects a set of items touches, looked up in the configuration before and after the change.</summary>
    public static IReadOnlyCollection<BusinessObject> AffectedObjects(
        IEnumerable<ChangeRequestItem> items, GovernanceConfiguration before, GovernanceConfiguration after)
    {
        var ids = new HashSet<Guid>();
        foreach (var item in items)
        {
            foreach (var config in new[] { before, after })
            {
                Guid? objectId = ConfigurationItems.Find(config, item.Kind, item.ItemId) switch
                {
                    BusinessObject o => o.Id,
                    FieldDefinition f => f.ObjectId,
                    SourceOfTruth s => s.ObjectId,
                    DataFlow f => f.ObjectId,
                    FieldMapping m => (after.FindFlow(m.FlowId) ?? before.FindFlow(m.FlowId))?.ObjectId,
                    BusinessRule r => (after.FindFlow(r.FlowId) ?? before.FindFlow(r.FlowId))?.ObjectId,
                    MatchRule r => r.ObjectId,
                    _ => null,
                };
                if (objectId is { } id)
                {
                    ids.Add(id);
                }
            }
        }
        // Owners as published decide; a request cannot choose its own reviewer by reassigning an object.
        return ids.Select(id => before.FindObject(id) ?? after.FindObject(id)).OfType<BusinessObject>().ToList();
    }
}
