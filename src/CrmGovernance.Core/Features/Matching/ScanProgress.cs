namespace CrmGovernance.Core.Features.Matching;

/// <summary>How far a scan is: the phase ("preparing", "comparing", "clustering") and the share of it done (0–1).</summary>
public sealed record ScanProgress(string Phase, double Fraction);
