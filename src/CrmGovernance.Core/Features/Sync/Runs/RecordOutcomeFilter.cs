namespace CrmGovernance.Core.Features.Sync.Runs;

/// <summary>
/// Filters of a run's record outcomes; null means "any". <see cref="Search"/> matches a source id that starts with it,
/// or a target id equal to it.
/// </summary>
public sealed record RecordOutcomeFilter(OutcomeKind? Outcome = null, string? Search = null);
