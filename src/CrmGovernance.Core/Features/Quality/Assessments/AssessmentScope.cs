using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Quality.Assessments;

/// <summary>
/// Which assessments a person answers for: every one for those who hold the capability everywhere; otherwise those of
/// the objects they own or steward and of the systems they own (as <see cref="AssessmentPlan.Party"/> says).
/// </summary>
internal sealed record AssessmentScope(IReadOnlySet<Guid>? Objects, IReadOnlySet<Guid>? Systems)
{
    public bool Everything => Objects is null;

    public static AssessmentScope Of(ActorContext actor, Capability capability, GovernanceConfiguration configuration)
    {
        if (actor.HoldsEverywhere(capability))
        {
            return new AssessmentScope(null, null);
        }
        var scoped = CapabilityTable.Of(capability).ScopedRoles;
        var objects = configuration.Objects.Where(o => new AccountableParty("", [o.Owner], [o.Steward]).Includes(actor, scoped)).Select(o => o.Id).ToHashSet();
        var systems = configuration.Systems.Where(s => new AccountableParty("", [s.Owner], []).Includes(actor, scoped)).Select(s => s.Id).ToHashSet();
        return new AssessmentScope(objects, systems);
    }

    public IQueryable<Assessment> Filter(IQueryable<Assessment> assessments) => Everything
        ? assessments
        : assessments.Where(a => Objects!.Contains(a.ObjectId) || Systems!.Contains(a.SystemId));

    public bool Includes(Guid systemId, Guid objectId) => Everything || Objects!.Contains(objectId) || Systems!.Contains(systemId);
}
