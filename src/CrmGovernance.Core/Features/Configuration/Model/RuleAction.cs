namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>An action; SetField uses <see cref="Field"/> and <see cref="Value"/>, Reject uses <see cref="Reason"/>.</summary>
public sealed record RuleAction
{
    public required RuleActionKind Kind { get; init; }
    public string? Field { get; init; }
    public string? Value { get; init; }
    public string? Reason { get; init; }
}
