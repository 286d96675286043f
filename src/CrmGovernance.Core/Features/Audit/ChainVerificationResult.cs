namespace CrmGovernance.Core.Features.Audit;

public sealed record ChainVerificationResult(
    long RowsChecked, bool IsIntact, long? FirstBrokenSequence, string? Problem, long HeadSequence, string HeadHash);
