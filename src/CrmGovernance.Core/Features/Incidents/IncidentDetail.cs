namespace CrmGovernance.Core.Features.Incidents;

/// <summary>One incident with its whole record and the newest page of its timeline.</summary>
public sealed record IncidentDetail(Incident Incident, IReadOnlyList<IncidentEntry> Timeline, int TimelineTotal);
