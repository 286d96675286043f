namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>A certificate that encrypted keys before the current one: decryption only.</summary>
public sealed class PreviousCertificate
{
    public string Path { get; set; } = "";
    public string? Password { get; set; }
}
