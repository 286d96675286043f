namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>A scan with the names of its system and object (from the configuration version it used).</summary>
public sealed record DuplicateScanView(DuplicateScan Scan, string SystemName, string ObjectName)
{
    public bool IsActive => Scan.Status is ScanStatus.Queued or ScanStatus.Running;
}
