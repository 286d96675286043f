using CrmGovernance.Core.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Scheduling;

/// <summary>
/// Which node runs a long job (a duplicate scan, an audit export) and whether that node still lives. A running job's row
/// carries the node's name and a heartbeat, renewed every second by its <see cref="RunningRowUpdater"/>. With several
/// nodes on one database, a node that starts must not fail what another live node is running: it fails only its own jobs
/// (the same Node:Name: it is that node, restarted), those of a process of this machine that no longer exists, and those
/// whose heartbeat is older than Node:HeartbeatStaleSeconds (their node died). <see cref="WatchAsync"/> finds those that
/// go stale later. As with the flow lease's Sync:LeaseSkewSeconds, the staleness also covers the clocks of two nodes
/// disagreeing. Singleton.
/// </summary>
public sealed partial class RunningWork(CoreHost host, IOptions<NodeOptions> options, TimeProvider clock)
{
    /// <summary>How often a worker node looks for jobs whose node died.</summary>
    public static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(30);

    /// <summary>This node's name, written on the jobs it claims.</summary>
    public string Node { get; } = host.Node.EffectiveName;

    public TimeSpan StaleAfter => TimeSpan.FromSeconds(options.Value.HeartbeatStaleSeconds);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Whether a job marked running on <paramref name="node"/> with this heartbeat was cut off. <paramref name="atStart"/>:
    /// this node is starting, so a job under its own name belongs to the process it replaces.
    /// </summary>
    public bool IsCutOff(string? node, DateTime? heartbeatUtc, bool atStart)
    {
        if (node is null || heartbeatUtc is null || heartbeatUtc < Now - StaleAfter)
        {
            return true; // Claimed before jobs carried a node, or its node stopped beating.
        }
        return (atStart && node == Node) || HasEnded(node);
    }

    /// <summary>Every <see cref="CheckInterval"/> (on this host's clock), fails the jobs <see cref="IsCutOff"/> finds.</summary>
    /// <param name="failCutOff">Fails the cut-off jobs (atStart: false).</param>
    public async Task WatchAsync(Func<CancellationToken, Task> failCutOff, ILogger logger, string what, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await failCutOff(stoppingToken);
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

    /// <summary>A default node name (machine:pid) of this machine whose process is gone: a killed node, restarted under a new pid.</summary>
    private static bool HasEnded(string node)
    {
        var parts = node.Split(':');
        return parts.Length == 2 && LocalProcess.HasEnded(parts[0], parts[1]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for {What} whose node died failed; trying again shortly")]
    private static partial void LogFailed(ILogger logger, string what, Exception exception);
}
