namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>
/// A feature's queues, counted for the queue-depth gauges (<see cref="QueueDepthGauges"/>). Each feature that owns a
/// queue registers one, so the gauges know no feature. Counts must be cheap: indexed, no scan of a growing table.
/// </summary>
public interface IQueueDepthSource
{
    Task<IReadOnlyList<QueueDepth>> CountAsync(CancellationToken cancellationToken);
}
