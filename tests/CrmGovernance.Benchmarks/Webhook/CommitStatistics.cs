using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using CrmGovernance.Core.Features.Sync.Inbound;

namespace CrmGovernance.Benchmarks.Webhook;

/// <summary>Listens to the inbox writer's meter: how long its commits take (mostly the disk sync) and how many rows each holds.</summary>
public sealed class CommitStatistics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<double> _durations = new();
    private long _commits;
    private long _rows;

    public CommitStatistics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == InboxWriter.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, _) => _durations.Enqueue(value));
        _listener.SetMeasurementEventCallback<int>((_, value, _, _) =>
        {
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _rows, value);
        });
        _listener.Start();
    }

    /// <summary>Forgets what was seen so far (the warm-up).</summary>
    public void Reset()
    {
        _durations.Clear();
        Interlocked.Exchange(ref _commits, 0);
        Interlocked.Exchange(ref _rows, 0);
    }

    public long Commits => Interlocked.Read(ref _commits);

    public double RowsPerCommit => Commits == 0 ? 0 : (double)Interlocked.Read(ref _rows) / Commits;

    public double Percentile(double p)
    {
        var sorted = _durations.ToArray();
        Array.Sort(sorted);
        return sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public void Dispose() => _listener.Dispose();
}
