namespace CrmGovernance.Core.Features.Matching;

/// <summary>Finds duplicate clusters inside one set of records: blocking, scoring of candidate pairs, clustering of auto-matches.</summary>
public static class DuplicateFinder
{
    public static DuplicateScanResult Find(MatchModel model, IReadOnlyList<MatchRecord> records, IProgress<ScanProgress>? progress,
        CancellationToken cancellationToken) => throw new NotImplementedException();
}
