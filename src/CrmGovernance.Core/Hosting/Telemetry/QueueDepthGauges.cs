using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>
/// The queue-depth gauges. A scrape never waits for the database: it reports the last counts, and when they are older
/// than Telemetry:QueueDepthRefreshSeconds it starts one refresh in the background (a scrape right after a start reports
/// nothing until the first refresh ends). So the database is counted at most once per interval, however often it is
/// scraped, and not at all when nobody scrapes. Its meter comes from the host's <see cref="IMeterFactory"/>, so the
/// gauges go away with the host.
/// </summary>
public sealed class QueueDepthGauges
{
    private static readonly Dictionary<QueueGauge, (string Name, string Unit, string Label, string Description)> Gauges = new()
    {
        [QueueGauge.ErrorQueueOpen] = ("crmgov.error_queue.open", "{item}", "kind", "Open error-queue items by kind (Rejected, Failed, Review, Inbound)."),
        [QueueGauge.ReviewQueuePending] = ("crmgov.review_queue.pending", "{item}", "kind", "Review items waiting for a steward (open or deferred), by kind (duplicate, held_change)."),
        [QueueGauge.InboxBacklog] = ("crmgov.inbox.backlog", "{item}", "flow", "Accepted webhook payloads the flow's runs have not read yet."),
        [QueueGauge.OperationsEventsLag] = ("crmgov.operations_events.lag", "{event}", "subscriber", "Operations events in the outbox the subscriber has not handled yet."),
    };

    private readonly IReadOnlyList<IQueueDepthSource> _sources;
    private readonly TimeSpan _maxAge;
    private readonly ILogger<QueueDepthGauges> _logger;
    private IReadOnlyList<QueueDepth> _last = [];
    private long _refreshed = long.MinValue;
    private int _refreshing;

    public QueueDepthGauges(IMeterFactory meters, IEnumerable<IQueueDepthSource> sources, IOptions<TelemetryOptions> options, ILogger<QueueDepthGauges> logger)
    {
        _sources = [.. sources];
        _maxAge = TimeSpan.FromSeconds(options.Value.QueueDepthRefreshSeconds);
        _logger = logger;
        var meter = meters.Create(CrmTelemetry.Name);
        foreach (var (gauge, (name, unit, label, description)) in Gauges)
        {
            meter.CreateObservableGauge(name, () => Observe(gauge, label), unit, description);
        }
    }

    /// <summary>Counts now and keeps the result (the background refresh; tests await it).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        var counted = new List<QueueDepth>();
        foreach (var source in _sources)
        {
            counted.AddRange(await source.CountAsync(cancellationToken));
        }
        Volatile.Write(ref _last, counted);
        Interlocked.Exchange(ref _refreshed, Stopwatch.GetTimestamp());
    }

    private IEnumerable<Measurement<long>> Observe(QueueGauge gauge, string label)
    {
        var refreshed = Interlocked.Read(ref _refreshed);
        if ((refreshed == long.MinValue || Stopwatch.GetElapsedTime(refreshed) > _maxAge) && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = Task.Run(RefreshInBackgroundAsync);
        }
        return Volatile.Read(ref _last).Where(d => d.Gauge == gauge).Select(d => new Measurement<long>(d.Count, new KeyValuePair<string, object?>(label, d.Label)));
    }

    private async Task RefreshInBackgroundAsync()
    {
        try
        {
            await RefreshAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            // The database busy or not migrated yet: the gauges keep their last values and the next scrape tries again.
            _logger.LogWarning(e, "Counting the queues for the telemetry gauges failed; the gauges keep their last values");
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }
}
