namespace CrmGovernance.Core.Features.Incidents;

/// <summary>One line of an incident's timeline: an occurrence, a state change, a comment, a notification sent, an escalation.</summary>
public sealed class IncidentEntry
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public DateTime AtUtc { get; set; }
    public IncidentEntryKind Kind { get; set; }
    /// <summary>Who did it (an email), or "system".</summary>
    public string Actor { get; set; } = "";
    public string Text { get; set; } = "";
    public long? RunId { get; set; }
    public string? RecordId { get; set; }

    /// <summary>
    /// The outbox sequence of the operations event this occurrence came from (unique): an event delivered again, after a
    /// restart or by another node, finds it and records nothing (ADR 0015). Null for everything not caused by an event.
    /// </summary>
    public long? EventSequence { get; set; }
}
