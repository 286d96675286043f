using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Configuration.Versions;

/// <summary>How one item differs between two configurations, down to its fields.</summary>
public sealed record ItemDiff(ConfigurationItemKind Kind, Guid ItemId, string DisplayName, DiffKind Change, IReadOnlyList<FieldChange> Fields);
