namespace CrmGovernance.Core.Features.Incidents;

/// <summary>A problem a person reports by hand, against a flow, a system or an object (at least one), and optionally one record.</summary>
public sealed record IncidentReport(string Title, string Description, IncidentSeverity Severity)
{
    public Guid? FlowId { get; init; }
    public Guid? SystemId { get; init; }
    public Guid? ObjectId { get; init; }
    public string? RecordId { get; init; }
}
