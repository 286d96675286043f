namespace CrmGovernance.Core.Features.Audit;

/// <param name="KeyedFrom">The first row sealed with the key (the row after the head when none is yet): what the next checkpoint pins.</param>
/// <param name="FromSequence">The first row walked: 1, or the latest checkpoint's row for an incremental check.</param>
/// <param name="LatestCheckpoint">The witness's checkpoint furthest along the chain when the check started.</param>
public sealed record AuditChainCheck(ChainVerificationResult Result, long KeyedFrom, long FromSequence, AuditCheckpoint? LatestCheckpoint);
