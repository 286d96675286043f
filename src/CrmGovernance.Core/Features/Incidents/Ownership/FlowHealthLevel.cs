namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>How a flow is doing, best first; a flow's health is the worst its signals say.</summary>
public enum FlowHealthLevel { Healthy, Warning, Failing }
