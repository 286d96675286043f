namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>A system's object that can be scanned now: its object has a match rule and the system's catalog carries what the rule compares.</summary>
public sealed record ScanTarget(Guid SystemId, string SystemName, Guid ObjectId, string ObjectName, string RuleName);
