namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>The outcome of issuing a key: the key, or the messages that say what to fix.</summary>
public sealed record IssueKeyResult(OperationResult Outcome, IssuedInboundKey? Issued)
{
    public bool Succeeded => Outcome.Succeeded && Issued is not null;
}
