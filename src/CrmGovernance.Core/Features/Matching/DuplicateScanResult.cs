namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// What a duplicate scan found: every pair at or above the review threshold, the clusters of records joined by
/// auto-matches (two or more ids each, ordinal order), and how many candidate pairs blocking let through.
/// </summary>
public sealed record DuplicateScanResult(long RecordCount, long CandidatePairs, IReadOnlyList<ScoredPair> Pairs, IReadOnlyList<IReadOnlyList<string>> Clusters)
{
    /// <summary>Records that duplicate another: in each cluster all but one.</summary>
    public long DuplicateRecords => Clusters.Sum(c => (long)c.Count - 1);

    public double DuplicateRate => RecordCount == 0 ? 0 : (double)DuplicateRecords / RecordCount;

    /// <summary>Distinct words of company names whose frequency the scan learned from its records (the term-frequency table).</summary>
    public int TermFrequencyWords { get; init; }
}
