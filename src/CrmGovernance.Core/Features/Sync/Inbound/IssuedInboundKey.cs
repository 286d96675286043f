namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>A key just issued. <see cref="Key"/> exists only here: it is shown once and never stored in clear.</summary>
public sealed record IssuedInboundKey(Guid Id, string SystemKey, string Name, string Prefix, string Key);
