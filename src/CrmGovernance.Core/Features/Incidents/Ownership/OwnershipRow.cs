namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>
/// Who answers for one object, flow or system of the published configuration. <see cref="Steward"/> and
/// <see cref="EscalationContact"/> are read through the item's object ("" when there is none or it names nobody).
/// </summary>
public sealed record OwnershipRow(
    OwnershipKind Kind,
    Guid Id,
    string Name,
    string Owner,
    string Steward,
    string EscalationContact,
    IncidentClockStatus Incidents,
    IReadOnlyList<OwnershipNote> Notes)
{
    public bool HasGap => Notes.Any(n => n.IsGap);
}
