namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>The kinds of governed items, in the order a configuration lists (and validates) them.</summary>
public enum ConfigurationItemKind { System, BusinessObject, Field, SourceOfTruth, Journey, Flow, Mapping, Rule, MatchRule, IncidentPolicy, Scenario }
