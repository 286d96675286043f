namespace CrmGovernance.Core.Features.Incidents;

/// <summary>
/// One occurrence of a failure signal, as a trigger (or a person reporting a problem) hands it to the
/// <see cref="IncidentRecorder"/>. The subject is the flow, else the system (with the object when both are given: one
/// system's object, as a duplicate scan sees it), else the object; a manual report stands alone.
/// </summary>
public sealed record IncidentSignal(IncidentCause Cause, string Title, string Detail)
{
    public Guid? FlowId { get; init; }
    public Guid? SystemId { get; init; }
    public Guid? ObjectId { get; init; }
    public string? RecordId { get; init; }
    public long? RunId { get; init; }
    /// <summary>Overrides the cause's default severity (a manual report says how bad it is).</summary>
    public IncidentSeverity? Severity { get; init; }
    /// <summary>Who reported it by hand; null for a trigger.</summary>
    public string? ReportedBy { get; init; }
    /// <summary>The change the signal knows it follows (a canary watches one version's runs); null: the recorder looks for one.</summary>
    public ChangeLink? CausedBy { get; init; }
    /// <summary>The outbox sequence of the event a trigger saw; the recorder records each sequence once.</summary>
    public long? EventSequence { get; init; }

    /// <summary>Occurrences with the same key fold into one unfinished incident; manual reports never fold.</summary>
    public string FoldKey => Cause == IncidentCause.Reported
        ? $"{Cause}:{Guid.NewGuid():N}"
        : FlowId is { } flow ? $"{Cause}:flow:{flow:N}"
        : SystemId is { } system ? ObjectId is { } data ? $"{Cause}:system:{system:N}:object:{data:N}" : $"{Cause}:system:{system:N}"
        : ObjectId is { } obj ? $"{Cause}:object:{obj:N}"
        : $"{Cause}:portal";
}
