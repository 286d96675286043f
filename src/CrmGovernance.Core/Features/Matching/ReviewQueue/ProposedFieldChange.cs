namespace CrmGovernance.Core.Features.Matching.ReviewQueue;

/// <summary>
/// A value a run held for a steward instead of writing it: a record matched by the match rule brought
/// <see cref="Proposed"/> for <see cref="Field"/> (shown as <see cref="Label"/>), where the target held <see cref="Existing"/>.
/// </summary>
public sealed record ProposedFieldChange(string Field, string Label, string? Existing, string? Proposed);
