namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>Trigger + conditions → actions, deciding what happens to a record of a flow. Structured; no code.</summary>
public sealed record BusinessRule : IConfigurationItem
{
    public required Guid Id { get; init; }
    public required Guid FlowId { get; init; }
    public required string Name { get; init; }
    public int Order { get; init; }
    public RuleTriggerKind Trigger { get; init; } = RuleTriggerKind.Created;

    /// <summary>For FieldChangedTo: the field and the value it changed to.</summary>
    public string? TriggerField { get; init; }

    public string? TriggerValue { get; init; }

    /// <summary>True: all conditions must hold; false: any one.</summary>
    public bool MatchAll { get; init; } = true;

    public List<RuleCondition> Conditions { get; init; } = [];
    public List<RuleAction> Actions { get; init; } = [];

    public string DisplayName => $"rule {Name}";
}
