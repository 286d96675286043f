namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>Which value survives when several systems supply one field.</summary>
public enum SurvivorshipStrategy { SourcePriority, MostRecent, MostComplete, NeverOverwriteNonEmpty }
