namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>A key a system presents to the inbound endpoint. Only its SHA-256 hash is stored; the key is shown once.</summary>
public sealed class InboundApiKey
{
    public Guid Id { get; set; }
    public string SystemKey { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>The first characters of the key, to tell keys apart.</summary>
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime? RevokedUtc { get; set; }
}
