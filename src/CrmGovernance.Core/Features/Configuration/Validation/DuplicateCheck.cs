using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Validation;

/// <summary>
/// Whether a key or name a person types is already used by another item of the same kind in the draft configuration
/// (case-insensitive, ignoring the item being edited). Each returns the message to show under the field, or null.
/// </summary>
public static class DuplicateCheck
{
    public static string? SystemKey(GovernanceConfiguration c, Guid self, string? key) =>
        Taken(c.Systems, self, s => s.Id, s => s.Key, key) is { } other ? $"The system {other.Name} already uses the key \"{key!.Trim()}\"; keys must be unique." : null;

    public static string? SystemName(GovernanceConfiguration c, Guid self, string? name) =>
        Taken(c.Systems, self, s => s.Id, s => s.Name, name) is not null ? $"Another system is already called \"{name!.Trim()}\"." : null;

    public static string? ObjectKey(GovernanceConfiguration c, Guid self, string? key) =>
        Taken(c.Objects, self, o => o.Id, o => o.Key, key) is { } other ? $"The object {other.Name} already uses the key \"{key!.Trim()}\"; keys must be unique." : null;

    public static string? ObjectName(GovernanceConfiguration c, Guid self, string? name) =>
        Taken(c.Objects, self, o => o.Id, o => o.Name, name) is not null ? $"Another object is already called \"{name!.Trim()}\"." : null;

    public static string? JourneyName(GovernanceConfiguration c, Guid self, string? name) =>
        Taken(c.Journeys, self, j => j.Id, j => j.Name, name) is not null ? $"Another journey is already called \"{name!.Trim()}\"." : null;

    public static string? FlowName(GovernanceConfiguration c, Guid self, string? name) =>
        Taken(c.Flows, self, f => f.Id, f => f.Name, name) is not null ? $"Another flow is already called \"{name!.Trim()}\"." : null;

    /// <summary>Field names are unique within one system's catalog of one object.</summary>
    public static string? FieldName(GovernanceConfiguration c, Guid self, Guid systemId, Guid objectId, string? name) =>
        Taken(c.FieldsOf(systemId, objectId), self, f => f.Id, f => f.Name, name) is not null
            ? $"{c.FindSystem(systemId)?.Name ?? "This system"} already has a field \"{name!.Trim()}\" for {c.FindObject(objectId)?.Name ?? "this object"}."
            : null;

    /// <summary>Rule names are unique within their flow.</summary>
    public static string? RuleName(GovernanceConfiguration c, Guid self, Guid flowId, string? name) =>
        Taken(c.Rules.Where(r => r.FlowId == flowId), self, r => r.Id, r => r.Name, name) is not null
            ? $"Another rule of this flow is already called \"{name!.Trim()}\"."
            : null;

    /// <summary>One mapping per target field of a flow: a second one would overwrite the first.</summary>
    public static string? MappingTarget(GovernanceConfiguration c, Guid self, Guid flowId, string? targetField) =>
        Taken(c.Mappings.Where(m => m.FlowId == flowId), self, m => m.Id, m => m.TargetField, targetField) is not null
            ? $"Another mapping of this flow already writes {targetField!.Trim()}; edit that one instead."
            : null;

    private static T? Taken<T>(IEnumerable<T> items, Guid self, Func<T, Guid> id, Func<T, string> value, string? candidate) where T : class
    {
        var text = candidate?.Trim();
        return string.IsNullOrEmpty(text) ? null : items.FirstOrDefault(i => id(i) != self && string.Equals(value(i)?.Trim(), text, StringComparison.OrdinalIgnoreCase));
    }
}
