using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>Makes the key ring encrypt new keys with the current AES key-encryption key (when no certificate does).</summary>
internal sealed class UseKeyEncryptionKey(KeyEncryptionKeys keys) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        // Never fall back to writing keys in the clear: with a problem, Data Protection fails rather than stores a readable key.
        if (keys.Problem is { } problem)
        {
            throw new InvalidOperationException(problem);
        }
        if (keys.Current is { } key)
        {
            options.XmlEncryptor = new AesGcmXmlEncryptor(key);
        }
    }
}
