using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>One place in the configuration that names a catalog field: the item that does (to open it) and what it does with the field, in words.</summary>
public sealed record FieldUse(FieldUseKind Kind, ConfigurationItemKind ItemKind, Guid ItemId, Guid? FlowId, string Description)
{
    /// <summary>A use that puts values into the field (a mapping or a rule writing it, a match rule keeping a second value in it).</summary>
    public bool Writes => Kind is FieldUseKind.MappingWrites or FieldUseKind.RuleSets or FieldUseKind.MatchRuleKeepsAlternative;
}

/// <summary>The ways a configuration can use a field.</summary>
public enum FieldUseKind
{
    MappingReads,
    MappingWrites,
    Transform,
    FlowMatchKey,
    RuleTrigger,
    RuleCondition,
    RuleSets,
    MatchRuleCompares,
    MatchRuleBlocks,
    MatchRuleKeepsAlternative,
    SourceOfTruth,
}
