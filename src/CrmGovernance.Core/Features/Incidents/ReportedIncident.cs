namespace CrmGovernance.Core.Features.Incidents;

/// <summary>The outcome of a manual report: the incident it opened, or what to fix.</summary>
public sealed record ReportedIncident(OperationResult Outcome, long? IncidentId);
