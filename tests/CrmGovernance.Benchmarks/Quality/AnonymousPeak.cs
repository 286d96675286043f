using System.Globalization;

namespace CrmGovernance.Benchmarks.Quality;

/// <summary>
/// The highest anonymous resident memory (RssAnon: the heaps, SQLite's page cache) seen while it runs, sampled every
/// 50 ms. The peak resident set also counts file-backed pages: a SQLite source read through mmap maps up to 256 MB of
/// its file into the process, memory an external system's database would hold on its own server.
/// </summary>
internal sealed class AnonymousPeak : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKilobytes;

    public AnonymousPeak() => _sampling = Task.Run(SampleAsync);

    public double Megabytes => Interlocked.Read(ref _peakKilobytes) / 1024.0;

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        do
        {
            var now = Kilobytes();
            if (now > Interlocked.Read(ref _peakKilobytes))
            {
                Interlocked.Exchange(ref _peakKilobytes, now);
            }
        }
        while (await timer.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => !t.IsCanceled && t.Result, TaskScheduler.Default));
    }

    private static long Kilobytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }
        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("RssAnon:", StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(':', 2)[1].Trim().Split(' ')[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var kb) ? kb : 0;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
