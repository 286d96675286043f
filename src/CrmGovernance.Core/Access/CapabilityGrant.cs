namespace CrmGovernance.Core.Access;

/// <summary>
/// Who holds one capability: <see cref="Roles"/> hold it for everything, <see cref="ScopedRoles"/> only for what the
/// person is accountable for (the objects, systems, flows and journeys they own or steward). <see cref="Refusal"/> is
/// the message a refused caller reads.
/// </summary>
public sealed record CapabilityGrant(Capability Capability, IReadOnlyList<string> Roles, IReadOnlyList<string> ScopedRoles, string Refusal)
{
    /// <summary>Every role that holds the capability at all (for page policies and menus).</summary>
    public IReadOnlyList<string> AnyRoles { get; } = [.. Roles.Concat(ScopedRoles).Distinct()];

    public bool IsReadOnly => Capability is Capability.ReadConfiguration or Capability.ViewRuns or Capability.ViewErrorQueue
        or Capability.ViewReviewQueue or Capability.ViewDuplicateScans or Capability.ReadAudit or Capability.ViewIncidents or Capability.ViewOwnership
        or Capability.ViewInsights or Capability.ViewDataQuality;
}
