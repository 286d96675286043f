using System.Text.Json.Serialization;

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

    /// <summary>
    /// On its way out (a field retirement's second step): nothing should write it any more, and it is removed after a
    /// watch period. Left out of the JSON while false, so configurations stored before it existed keep their text and hash.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Deprecated { get; init; }

    public string DisplayName => $"field {Name}";
}
