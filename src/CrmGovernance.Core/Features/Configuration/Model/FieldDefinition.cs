namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>One attribute of an object in one system's field catalog.</summary>
public sealed record FieldDefinition : IConfigurationItem
{
    public required Guid Id { get; init; }
    public required Guid SystemId { get; init; }
    public required Guid ObjectId { get; init; }
    public required string Name { get; init; }
    public string Label { get; init; } = "";
    public FieldType Type { get; init; } = FieldType.Text;
    public bool Required { get; init; }

    /// <summary>For picklists: the values the field accepts.</summary>
    public List<string> AllowedValues { get; init; } = [];

    /// <summary>For references: the object the field points to.</summary>
    public Guid? ReferenceObjectId { get; init; }

    public string Description { get; init; } = "";
    public string Owner { get; init; } = "";

    public string DisplayName => $"field {Name}";
}
