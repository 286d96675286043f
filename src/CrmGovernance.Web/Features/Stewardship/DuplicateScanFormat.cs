using System.Globalization;
using CrmGovernance.Core.Features.Stewardship.Scans;
using CrmGovernance.Web.Features.Sync;
using MudBlazor;

namespace CrmGovernance.Web.Features.Stewardship;

/// <summary>How the duplicate scan pages write states, phases, rates and scores.</summary>
public static class DuplicateScanFormat
{
    public static string Count(long value) => OperationsFormat.Count(value);

    public static string Rate(double rate) => rate.ToString("P1", CultureInfo.CurrentCulture);

    public static string Score(double probability) => probability.ToString("0.000", CultureInfo.CurrentCulture);

    public static Color ColorOf(ScanStatus status) => status switch
    {
        ScanStatus.Queued => Color.Default,
        ScanStatus.Running => Color.Info,
        ScanStatus.Completed => Color.Success,
        ScanStatus.Cancelled => Color.Warning,
        _ => Color.Error,
    };

    /// <summary>What a queued or running scan is doing, in words: "reading: 12,000 records so far", "comparing: 45 %".</summary>
    public static string Activity(DuplicateScan scan) => scan.Status switch
    {
        ScanStatus.Queued => "Queued: scans run one at a time, in the order they were started.",
        _ when scan.Phase == ScanPhases.Reading => $"Reading records: {Count(scan.RecordsRead)} so far.",
        _ => string.Create(CultureInfo.CurrentCulture, $"{Capitalise(scan.Phase)}: {scan.Progress:P0} of {Count(scan.RecordsRead)} records."),
    };

    public static string Duration(DuplicateScan scan, DateTime now) => OperationsFormat.Duration((scan.FinishedUtc ?? now) - scan.StartedUtc);

    private static string Capitalise(string text) => text.Length == 0 ? "Working" : char.ToUpperInvariant(text[0]) + text[1..];
}
