using System.Collections.Concurrent;
using System.Threading.Channels;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// An in-process queue of long jobs run one at a time, in the order they were queued, each with its own cancellation
/// (<see cref="Cancel"/>). The background runners of duplicate scans and audit exports own one each.
/// </summary>
internal sealed class JobQueue<TKey>
    where TKey : notnull
{
    private readonly Channel<TKey> _queue = Channel.CreateUnbounded<TKey>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<TKey, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<TKey, byte> _waiting = new();

    public void Enqueue(TKey id)
    {
        _waiting.TryAdd(id, 0);
        _queue.Writer.TryWrite(id);
    }

    /// <summary>Queues the job unless it is queued or running here already (a poll of the table finds it again).</summary>
    public void EnqueueIfNew(TKey id)
    {
        if (!_running.ContainsKey(id) && _waiting.TryAdd(id, 0))
        {
            _queue.Writer.TryWrite(id);
        }
    }

    /// <summary>Stops the job if it is running here; true when it was.</summary>
    public bool Cancel(TKey id)
    {
        if (!_running.TryGetValue(id, out var cancel))
        {
            return false;
        }
        cancel.Cancel();
        return true;
    }

    /// <summary>Runs the queued jobs one after another until <paramref name="stoppingToken"/>; each gets the token <see cref="Cancel"/> trips.</summary>
    public async Task RunAsync(Func<TKey, CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        await foreach (var id in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            using var cancel = new CancellationTokenSource();
            _running[id] = cancel;
            _waiting.TryRemove(id, out _);
            try
            {
                await run(id, cancel.Token);
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        }
    }
}
