namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>What a line of the ownership view is about.</summary>
public enum OwnershipKind { BusinessObject, Flow, System }
