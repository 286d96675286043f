using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>
/// Decrypts what <see cref="AesGcmXmlEncryptor"/> wrote. Data Protection creates it by the type name stored with the key,
/// through the constructor that takes the service provider; the keys come from the host's <see cref="KeyEncryptionKeys"/>.
/// </summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var kekId = (string?)encryptedElement.Attribute("kek") ?? "";
        var keys = services.GetService<KeyEncryptionKeys>();
        var key = keys?.Find(kekId) ?? throw new CryptographicException(
            $"This Data Protection key is encrypted with the key-encryption key '{kekId}', which this host does not have. " +
            $"Configure that key ({KeyEncryptionOptions.Section}:KeyFile, the {KeyEncryptionOptions.EnvironmentVariable} environment variable, " +
            $"or {KeyEncryptionOptions.Section}:PreviousKeyFiles after a rotation). This host has: {keys?.Describe() ?? "none"}.");

        var sealedBytes = Convert.FromBase64String((string?)encryptedElement.Element("value") ?? "");
        const int header = AesGcmXmlEncryptor.NonceLength + AesGcmXmlEncryptor.TagLength;
        if (sealedBytes.Length < header)
        {
            throw new CryptographicException("The encrypted Data Protection key is truncated.");
        }
        var plaintext = new byte[sealedBytes.Length - header];
        try
        {
            using var aes = new AesGcm(key.Key, AesGcmXmlEncryptor.TagLength);
            aes.Decrypt(sealedBytes.AsSpan(0, AesGcmXmlEncryptor.NonceLength), sealedBytes.AsSpan(header),
                sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceLength, AesGcmXmlEncryptor.TagLength), plaintext, AesGcmXmlEncryptor.AssociatedData(key.Id));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
