using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>
/// Encrypts a Data Protection key's secret element with AES-256-GCM under the key-encryption key, before the key ring
/// writes it to the database. The output names the KEK by id, so a host holding several (after a rotation) picks the right one.
/// </summary>
public sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal const string ElementName = "aesGcmEncryptedSecret";
    internal const int NonceLength = 12;
    internal const int TagLength = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceLength + TagLength + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Key, TagLength))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceLength + TagLength), sealedBytes.AsSpan(NonceLength, TagLength), AssociatedData(key.Id));
        }
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement(ElementName,
            new XAttribute("kek", key.Id),
            new XComment(" AES-256-GCM under the key-encryption key named by 'kek' (DataProtection:KeyEncryption). "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }

    /// <summary>Binds the ciphertext to its KEK id and this format, so neither can be swapped.</summary>
    internal static byte[] AssociatedData(string kekId) => Encoding.ASCII.GetBytes("CrmGovernance.DataProtectionKey.v1:" + kekId);
}
