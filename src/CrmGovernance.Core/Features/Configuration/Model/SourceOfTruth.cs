namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>Which system is authoritative for an object, with per-field overrides and survivorship.</summary>
public sealed record SourceOfTruth : IConfigurationItem
{
    public required Guid Id { get; init; }
    public required Guid ObjectId { get; init; }
    public required Guid SystemOfRecordId { get; init; }
    public List<FieldSourceOfTruth> Fields { get; init; } = [];

    public string DisplayName => "source of truth";
}
