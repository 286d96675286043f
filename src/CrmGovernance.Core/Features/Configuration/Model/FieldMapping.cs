namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// Source field(s) → target field through an ordered chain of transforms. Most mappings read one source field;
/// a chain starting with Concatenate reads several, one starting with Constant reads none.
/// </summary>
public sealed record FieldMapping : IConfigurationItem
{
    public required Guid Id { get; init; }
    public required Guid FlowId { get; init; }
    public int Order { get; init; }
    public List<string> SourceFields { get; init; } = [];
    public required string TargetField { get; init; }
    public List<Transform> Transforms { get; init; } = [];

    public string DisplayName => $"mapping {(SourceFields.Count == 0 ? "(none)" : string.Join(" + ", SourceFields))} → {TargetField}";
}
