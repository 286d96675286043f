namespace CrmGovernance.Core.Features.Matching.Clustering;

/// <summary>A candidate pair that reached the review threshold, by record index: what a scan keeps (a struct, no object per pair).</summary>
internal readonly record struct ScoredHit(int Left, int Right, double Weight);
