namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>An inbound API key as the admin page lists it (never its hash).</summary>
public sealed record InboundKeyRow(Guid Id, string SystemKey, string Name, string Prefix, DateTime CreatedUtc, string CreatedBy, DateTime? RevokedUtc)
{
    public bool IsRevoked => RevokedUtc is not null;
}
