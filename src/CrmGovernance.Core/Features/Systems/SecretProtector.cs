using Microsoft.AspNetCore.DataProtection;

namespace CrmGovernance.Core.Features.Systems;

/// <summary>
/// Encrypts connector secrets (API keys, passwords) with ASP.NET Core Data Protection; the key ring is in the database.
/// The portal only ever encrypts: a secret is never shown again after entry. Connectors decrypt when they connect.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CrmGovernance.SystemSecrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    public string Unprotect(string ciphertext) => _protector.Unprotect(ciphertext);
}
