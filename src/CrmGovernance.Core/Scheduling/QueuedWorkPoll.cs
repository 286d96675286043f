using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Takes up long jobs queued in the database by other processes: a portal-only node (Node:Role = Portal) or the command
/// line stores a duplicate scan or an audit export as queued, and a worker node finds it here within
/// <see cref="Interval"/>. Several workers may find the same job; the executor's claim (queued → running, in one
/// statement) lets one of them run it.
/// </summary>
internal static partial class QueuedWorkPoll
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public static async Task RunAsync<TKey>(JobQueue<TKey> queue, Func<CancellationToken, Task<IReadOnlyList<TKey>>> queued, ILogger logger, string what,
        CancellationToken stoppingToken)
        where TKey : notnull
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    foreach (var id in await queued(stoppingToken))
                    {
                        queue.EnqueueIfNew(id);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogFailed(logger, what, e);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The process is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for queued {What} failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}
