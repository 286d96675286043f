namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>What can be scanned under the current configuration version, and whether any object has a match rule at all.</summary>
public sealed record ScanChoices(int Version, IReadOnlyList<ScanTarget> Targets, bool AnyMatchRule);
