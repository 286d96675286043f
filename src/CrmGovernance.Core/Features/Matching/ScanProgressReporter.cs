namespace CrmGovernance.Core.Features.Matching;

/// <summary>
/// Passes a scan's progress on in whole percent steps: parallel workers finish thousands of chunks, and a portal page
/// or a log needs a hundred updates a phase, not thousands.
/// </summary>
internal sealed class ScanProgressReporter(IProgress<ScanProgress>? progress)
{
    private readonly object _gate = new();
    private string _phase = "";
    private int _percent = -1;

    public void Report(string phase, double fraction)
    {
        if (progress is null)
        {
            return;
        }
        var percent = (int)Math.Floor(Math.Clamp(fraction, 0, 1) * 100);
        lock (_gate)
        {
            if (phase == _phase && percent <= _percent)
            {
                return;
            }
            (_phase, _percent) = (phase, percent);
        }
        progress.Report(new ScanProgress(phase, Math.Clamp(fraction, 0, 1)));
    }
}
