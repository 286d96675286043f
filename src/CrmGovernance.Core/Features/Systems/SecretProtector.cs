using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CrmGovernance.Core.Features.Systems;

/// <summary>
/// Encrypts connector secrets (API keys, passwords) with ASP.NET Core Data Protection; the key ring is in the database,
/// encrypted with a key-encryption key kept outside it (ADR 0010). The portal only ever encrypts: a secret is never shown
/// again after entry. Connectors decrypt when they connect.
/// </summary>
public sealed class SecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("CrmGovernance.SystemSecrets.v1");

    public string Protect(string plaintext) => _protector.Protect(plaintext);

    /// <exception cref="CryptographicException">The key that encrypted it is not readable here; the message says why that may be.</exception>
    public string Unprotect(string ciphertext)
    {
        try
        {
            return _protector.Unprotect(ciphertext);
        }
        catch (CryptographicException e)
        {
            throw new CryptographicException(
                "The secret cannot be decrypted: the Data Protection key that encrypted it is not in this key ring, or it is encrypted "
                + "with a key-encryption key this host does not have (DataProtection:KeyEncryption). Start with the key-encryption key "
                + "the database was written with, or enter the secret again. " + e.Message, e);
        }
    }
}
