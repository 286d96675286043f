namespace CrmGovernance.Core.Features.Sync.ErrorQueue;

/// <summary>How many items wait in the error queue for one flow (null: inbound payloads no flow has read).</summary>
public sealed record OpenErrorCount(Guid? FlowId, string SystemKey, string ObjectKey, int Count);
