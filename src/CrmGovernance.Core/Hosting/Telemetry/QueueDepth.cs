namespace CrmGovernance.Core.Hosting.Telemetry;

/// <summary>One value of a queue gauge: which gauge (<see cref="QueueGauge"/>), its one label and the count.</summary>
public sealed record QueueDepth(QueueGauge Gauge, string Label, long Count);
