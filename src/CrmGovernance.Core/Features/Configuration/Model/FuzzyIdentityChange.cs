namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>
/// What a run does when a record matched by the match rule (not by the crosswalk or a match key) brings a value that
/// differs from the existing one in a field the rule compares: keep the existing value (the default: a fuzzy match is
/// evidence the records are one, not that the new value is right), hold the change for a steward, or take it.
/// </summary>
public enum FuzzyIdentityChange { KeepExisting, HoldForSteward, TakeIncoming }
