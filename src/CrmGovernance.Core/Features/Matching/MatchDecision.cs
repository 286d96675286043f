namespace CrmGovernance.Core.Features.Matching;

/// <summary>What a score means under a rule's thresholds: distinct records, a pair for the review queue, or the same record.</summary>
public enum MatchDecision { Distinct, Review, AutoMatch }
