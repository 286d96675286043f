namespace CrmGovernance.Core.Features.Audit;

/// <summary>The checkpoints whose signatures verify, and the first problem with the witness file (a forged or altered line).</summary>
public sealed record AuditWitnessReading(IReadOnlyList<AuditCheckpoint> Checkpoints, string? Problem)
{
    public static readonly AuditWitnessReading Empty = new([], null);

    /// <summary>The checkpoint furthest along the chain.</summary>
    public AuditCheckpoint? Latest => Checkpoints.Count == 0 ? null : Checkpoints.MaxBy(c => c.Sequence);

    /// <summary>From which row the chain is keyed, as the checkpoints pin it; null before the first checkpoint.</summary>
    public long? KeyedFrom => Checkpoints.Count == 0 ? null : Checkpoints[0].KeyedFrom;
}
