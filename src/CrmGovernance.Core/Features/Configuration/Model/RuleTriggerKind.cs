namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>What makes a rule apply to a record.</summary>
public enum RuleTriggerKind { Created, Updated, MatchedExisting, FieldChangedTo }
