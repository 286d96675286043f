namespace CrmGovernance.Core.Features.Stewardship.Scans;

/// <summary>The phases a scan's row shows besides those of <see cref="DuplicateFinder"/> ("preparing", "comparing", "clustering").</summary>
public static class ScanPhases
{
    public const string Waiting = "waiting";
    public const string Reading = "reading";
    public const string Indexing = "indexing";
    public const string Saving = "saving";
    public const string Done = "done";
}
