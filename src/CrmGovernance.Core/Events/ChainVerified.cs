namespace CrmGovernance.Core.Events;

/// <summary>The audit chain was verified up to a sequence: intact or not, with the verifier's message.</summary>
public sealed record ChainVerified(bool Intact, long UpToSequence, string? Message) : OperationsEvent;
