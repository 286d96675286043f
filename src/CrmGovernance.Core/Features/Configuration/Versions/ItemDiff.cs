using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>
/// How one item differs between two configurations, down to its fields. <see cref="Title"/> and
/// <see cref="Context"/> are how a person reads it, set by <see cref="DiffLabels"/>; the rest is the diff itself.
/// </summary>
public sealed record ItemDiff(ConfigurationItemKind Kind, Guid ItemId, string DisplayName, DiffKind Change, IReadOnlyList<FieldChange> Fields)
{
    /// <summary>The item as people call it, e.g. "Flow Web form to CRM contacts", "Mapping email → Email"; null until labelled.</summary>
    public string? Title { get; init; }

    /// <summary>Where the item belongs, e.g. "Flow Web form to CRM contacts" for a mapping; null when it stands alone.</summary>
    public string? Context { get; init; }

    public string ShownTitle => Title ?? DisplayName;
}
