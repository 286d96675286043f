using CrmGovernance.Core.Features.Matching;

namespace CrmGovernance.Cli.Commands;

/// <summary>
/// The scan's progress on standard error, so standard output carries only the result: a live percentage per phase
/// on a terminal, one line per phase when standard error goes to a file or pipe.
/// </summary>
/// <remarks>Called from the scan's worker threads, without a synchronisation context: it writes at once, under a lock.</remarks>
internal sealed class MatchProgress : IProgress<ScanProgress>
{
    private readonly Lock _gate = new();
    private readonly bool _live = !Console.IsErrorRedirected;
    private string? _phase;
    private int _percent;

    public void Report(ScanProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (value.Phase != _phase)
            {
                EndLine();
                _phase = value.Phase;
                _percent = -1;
                if (!_live)
                {
                    Console.Error.WriteLine(_phase + "...");
                }
            }
            // Workers finish out of order: show only progress forward.
            var percent = (int)Math.Clamp(value.Fraction * 100, 0, 100);
            if (_live && percent > _percent)
            {
                _percent = percent;
                Console.Error.Write($"\r{_phase} {percent}%");
            }
        }
    }

    /// <summary>Ends the live line once the scan has finished.</summary>
    public void Done()
    {
        lock (_gate)
        {
            EndLine();
            _phase = null;
        }
    }

    private void EndLine()
    {
        if (_live && _phase is not null)
        {
            Console.Error.WriteLine();
        }
    }
}
