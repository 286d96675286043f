namespace CrmGovernance.Core.Features.Incidents;

/// <summary>What the incident list (page and API) is narrowed to; every part is optional.</summary>
public sealed record IncidentFilter
{
    public IncidentState? State { get; init; }
    /// <summary>Open or acknowledged only.</summary>
    public bool ActiveOnly { get; init; }
    public IncidentSeverity? Severity { get; init; }
    public IncidentCause? Cause { get; init; }
    public Guid? FlowId { get; init; }
    public Guid? SystemId { get; init; }
    /// <summary>About this object, directly or through one of its flows.</summary>
    public Guid? ObjectId { get; init; }
    /// <summary>Owned by this email.</summary>
    public string? Owner { get; init; }
    /// <summary>Words in the title, subject or detail.</summary>
    public string? Text { get; init; }
}
