using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>Makes the key ring encrypt new keys with the current AES key-encryption key (when no certificate does).</summary>
internal sealed class UseKeyEncryptionKey(KeyEncryptionKeys keys) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        if (keys.Problem is { } problem)
        {
            // The start check (KeyEncryptionCheck) reports the problem; until then, never write a key in the clear.
            options.XmlEncryptor = new Refusing(problem);
        }
        else if (keys.Current is { } key)
        {
            options.XmlEncryptor = new AesGcmXmlEncryptor(key);
        }
    }

    private sealed class Refusing(string problem) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) => throw new InvalidOperationException(problem);
    }
}
