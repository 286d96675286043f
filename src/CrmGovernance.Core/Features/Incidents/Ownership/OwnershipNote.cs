namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>
/// Something missing in who answers for an item. A gap means an incident about it would reach nobody who can act
/// (it goes straight to the admins); a warning (no escalation contact) weakens escalation but still reaches the owner.
/// </summary>
public sealed record OwnershipNote(string Text, bool IsGap);
