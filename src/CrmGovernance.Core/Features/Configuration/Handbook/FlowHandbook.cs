namespace CrmGovernance.Core.Features.Configuration.Handbook;

/// <summary>A flow's integration handbook: what moves and when, who owns each field, the rules, and what happens to exceptions.</summary>
public sealed record FlowHandbook(
    int Version, string FlowName, string ObjectName, string SourceName, string TargetName, string When, string Outcome, string Owner,
    int Phase, string Status, string? JourneyStep, IReadOnlyList<HandbookField> Fields, IReadOnlyList<string> Rules, string Exceptions)
{
    /// <summary>How the object's match rule recognises the same record in the target (empty: the flow's match keys only).</summary>
    public IReadOnlyList<string> Matching { get; init; } = [];
}
