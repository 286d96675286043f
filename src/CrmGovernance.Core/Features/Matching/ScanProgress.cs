namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// How far a scan is (phase "preparing", "comparing", "clustering") or a match index's bulk load
/// (<see cref="MatchIndex.PutRange(IReadOnlyList{MatchRecord}, IProgress{ScanProgress})"/>: "preparing", "sorting",
/// "building"), and the share of the phase done (0–1).
/// </summary>
public sealed record ScanProgress(string Phase, double Fraction);
