using System.Diagnostics;
using System.Globalization;
using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Benchmarks.Matching;

/// <summary>
/// Prints a scan's progress (each new phase, then every tenth of it or every 5 s) and remembers when each phase began,
/// in wall-clock and process CPU time, for a profile by phase: on a shared machine the CPU seconds say more than the
/// wall clock. Reports may come from several threads; they are printed as they arrive, not queued.
/// </summary>
internal sealed class ScanProgressLog(Stopwatch clock) : IProgress<ScanProgress>
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);
    private readonly Lock _gate = new();
    private readonly List<(string Phase, TimeSpan Start, TimeSpan Cpu)> _phases = [];
    private double _nextFraction;
    private TimeSpan _lastLine;

    public void Report(ScanProgress value)
    {
        lock (_gate)
        {
            var now = clock.Elapsed;
            var index = _phases.FindIndex(p => p.Phase == value.Phase);
            if (index < 0)
            {
                _phases.Add((value.Phase, now, ProcessCpu()));
                _nextFraction = 0;
            }
            else if (index < _phases.Count - 1)
            {
                // A late report of a phase already left: it changes nothing.
                return;
            }
            if (value.Fraction >= _nextFraction || now - _lastLine >= Quiet)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {now.TotalSeconds,6:F1} s  {value.Phase,-12} {100 * value.Fraction,5:F1} %"));
                _lastLine = now;
                _nextFraction = Math.Floor(value.Fraction * 10 + 1e-9) / 10 + 0.1;
            }
        }
    }

    /// <summary>
    /// One line per phase: its wall-clock time (until the next phase began, the last until <paramref name="end"/>), its
    /// share, and the process CPU time in it (the last until <paramref name="endCpu"/>).
    /// </summary>
    public IReadOnlyList<string> Profile(TimeSpan end, TimeSpan endCpu)
    {
        lock (_gate)
        {
            var c = CultureInfo.InvariantCulture;
            return _phases.Select((phase, i) =>
            {
                var length = (i + 1 < _phases.Count ? _phases[i + 1].Start : end) - phase.Start;
                var cpu = (i + 1 < _phases.Count ? _phases[i + 1].Cpu : endCpu) - phase.Cpu;
                return string.Create(c, $"  {phase.Phase,-12} {length.TotalSeconds,7:F1} s  {100 * length / end,5:F1} %  CPU {cpu.TotalSeconds,6:F1} s");
            }).Prepend(string.Create(c, $"  {"(before the first report)",-12} {(_phases.Count == 0 ? end : _phases[0].Start).TotalSeconds,7:F1} s")).ToList();
        }
    }

    public static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
