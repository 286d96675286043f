using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>
/// The portal's own meter and activity source, and the instruments the places that do the work record on
/// (docs/telemetry.md lists them). Static, so recording needs no service: with no listener (telemetry off) an
/// instrument's <c>Add</c>/<c>Record</c> returns at once. Labels stay low-cardinality: flow names, statuses and kinds,
/// never record or run ids.
/// </summary>
public static class CrmTelemetry
{
    public const string Name = "CrmGovernance";

    /// <summary>Spans: <c>sync.run</c>, <c>sync.batch</c>.</summary>
    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    // Bucket boundaries in seconds (the SDK's default ones are milliseconds'): a request or command, a batch, a run.
    private static readonly InstrumentAdvice<double> Fast = new() { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] };
    private static readonly InstrumentAdvice<double> Batch = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] };
    private static readonly InstrumentAdvice<double> Run = new() { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] };

    public static readonly Counter<long> SyncRuns = Meter.CreateCounter<long>("crmgov.sync.runs", "{run}",
        "Runs of flows that ended, by flow, status (a poll that found nothing: NothingNew), trigger and dry run.");

    public static readonly Histogram<double> SyncRunDuration = Meter.CreateHistogram<double>("crmgov.sync.run.duration", "s",
        "How long a run took, from the start of its first read to its end, by flow and status.", advice: Run);

    public static readonly Counter<long> SyncRecords = Meter.CreateCounter<long>("crmgov.sync.records", "{record}",
        "Records recorded by runs (not dry runs), by flow and outcome (Created, Updated, Unchanged, Appended, Queued, Rejected, Failed).");

    public static readonly Histogram<double> SyncBatchDuration = Meter.CreateHistogram<double>("crmgov.sync.batch.duration", "s",
        "Time spent on one batch, by flow and phase: read (the source), process (matching, rules, writing to the target), record (the portal database).", advice: Batch);

    public static readonly Histogram<double> InboundWebhookDuration = Meter.CreateHistogram<double>("crmgov.webhook.inbound.duration", "s",
        "Time the inbound webhook endpoint took to answer, by HTTP status code.", advice: Fast);

    public static readonly Histogram<double> OutboundWebhookDuration = Meter.CreateHistogram<double>("crmgov.webhook.outbound.duration", "s",
        "Time a notification webhook took, by outcome (delivered, http_error, failed).", advice: Fast);

    public static readonly Histogram<double> DatabaseCommandDuration = Meter.CreateHistogram<double>("crmgov.db.command.duration", "s",
        "Time of the portal database's commands issued through EF Core, by database system, operation and outcome.", advice: Fast);

    /// <summary>Seconds since a <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public static double SecondsSince(long started) => Stopwatch.GetElapsedTime(started).TotalSeconds;
}
