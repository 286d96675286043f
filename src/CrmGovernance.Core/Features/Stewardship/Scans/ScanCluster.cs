namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>One cluster a scan found: the records auto-matched together (ordinal order) and the scored pairs that join them.</summary>
public sealed record ScanCluster(int Number, IReadOnlyList<string> Members, IReadOnlyList<DuplicateScanPair> Pairs);
