namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>A key that is not revoked, as the endpoint sees it: which system it belongs to.</summary>
public sealed record ActiveInboundKey(Guid Id, string SystemKey, string Prefix);
