namespace CrmGovernance.Core.Features.Incidents.Ownership;

/// <summary>The ownership view of one published configuration version.</summary>
public sealed record OwnershipReport(int Version, IReadOnlyList<OwnershipRow> Objects, IReadOnlyList<OwnershipRow> Flows, IReadOnlyList<OwnershipRow> Systems)
{
    public IEnumerable<OwnershipRow> All => Objects.Concat(Flows).Concat(Systems);

    /// <summary>Items nobody able to act answers for.</summary>
    public int GapCount => All.Count(r => r.HasGap);

    public int WarningCount => All.Count(r => !r.HasGap && r.Notes.Count > 0);
}
