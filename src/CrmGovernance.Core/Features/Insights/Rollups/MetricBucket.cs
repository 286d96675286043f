namespace CrmGovernance.Core.Features.Insights.Rollups;

/// <summary>
/// One figure summed over an hour or a day for one flow, object and pair of systems (and a dimension such as a rejection
/// reason or a histogram bucket). What the dashboard reads: it never scans the record ledger. <see cref="Guid.Empty"/> and
/// "" mean "none", so the unique key holds (NULLs never collide in a unique index).
/// </summary>
public sealed class MetricBucket
{
    public long Id { get; set; }
    public BucketSize Size { get; set; }
    public DateTime PeriodStartUtc { get; set; }
    public string Metric { get; set; } = "";
    public Guid FlowId { get; set; }
    public Guid ObjectId { get; set; }
    /// <summary>The source system of a flow's figures; the system scanned or reviewed otherwise.</summary>
    public Guid SystemId { get; set; }
    /// <summary>The target system of a flow's figures.</summary>
    public Guid TargetSystemId { get; set; }
    public string Dimension { get; set; } = "";
    public double Value { get; set; }
}
