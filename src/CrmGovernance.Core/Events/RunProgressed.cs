namespace CrmGovernance.Core.Events;

/// <summary>A running run recorded another batch (at most about one event a second per run).</summary>
public sealed record RunProgressed(long RunId, Guid FlowId, int Read) : OperationsEvent;
