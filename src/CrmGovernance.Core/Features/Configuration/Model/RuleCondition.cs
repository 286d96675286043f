namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>field operator value, e.g. status Equals refunded. For In, values are separated by |.</summary>
public sealed record RuleCondition
{
    public required string Field { get; init; }
    public ConditionOperator Operator { get; init; } = ConditionOperator.Equals;
    public string? Value { get; init; }
}
