namespace CrmGovernance.Core.Features.Configuration.Model;

/// <summary>Whether the worker runs a flow.</summary>
public enum FlowStatus { Draft, Active, Paused, Retired }
