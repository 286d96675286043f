namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// A per-field override of an object's system of record: which system owns the field, and which value survives when
/// several systems supply it (<see cref="Priority"/> lists system ids, first wins, for <see cref="SurvivorshipStrategy.SourcePriority"/>).
/// </summary>
public sealed record FieldSourceOfTruth
{
    public required string Field { get; init; }
    public Guid? OwnerSystemId { get; init; }
    public SurvivorshipStrategy Strategy { get; init; } = SurvivorshipStrategy.SourcePriority;
    public List<Guid> Priority { get; init; } = [];
}
