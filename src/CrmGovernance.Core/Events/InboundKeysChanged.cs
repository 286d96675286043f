namespace CrmGovernance.Core.Events;

/// <summary>An inbound API key of a system was issued or revoked: every node re-reads its key cache.</summary>
public sealed record InboundKeysChanged(string SystemKey) : OperationsEvent;
