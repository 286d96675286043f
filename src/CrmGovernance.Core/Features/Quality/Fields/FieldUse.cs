using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Quality.Fields;

/// <summary>One place in the configuration that names a catalog field: the item that does (to open it) and what it does with the field, in words.</summary>
public sealed record FieldUse(FieldUseKind Kind, ConfigurationItemKind ItemKind, Guid ItemId, Guid? FlowId, string Description)
{
    /// <summary>A use that puts values into the field (a mapping or a rule writing it, a match rule keeping a second value in it).</summary>
    public bool Writes => Kind is FieldUseKind.MappingWrites or FieldUseKind.RuleSets or FieldUseKind.MatchRuleKeepsAlternative;

    /// <summary>The use without the configuration's content (rule names, values, transforms), for those who may not read the configuration.</summary>
    public FieldUse WithoutDetail() => this with
    {
        Description = Kind switch
        {
            FieldUseKind.MappingReads => "A flow's mapping reads it.",
            FieldUseKind.MappingWrites => "A flow's mapping writes it.",
            FieldUseKind.Transform => "A flow's mapping transforms it.",
            FieldUseKind.FlowMatchKey => "A flow finds existing records by it.",
            FieldUseKind.RuleTrigger => "A rule fires when it changes.",
            FieldUseKind.RuleCondition => "A rule checks it.",
            FieldUseKind.RuleSets => "A rule sets it.",
            FieldUseKind.MatchRuleCompares => "The match rule compares it.",
            FieldUseKind.MatchRuleBlocks => "The match rule groups candidate pairs by it.",
            FieldUseKind.MatchRuleKeepsAlternative => "The match rule keeps a second value in it.",
            _ => "The source of truth names it.",
        },
    };
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
