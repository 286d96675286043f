using System.Security.Cryptography;
using System.Text;

namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>A 256-bit AES key-encryption key and its id (a fingerprint that names it in encrypted keys without revealing it).</summary>
public sealed class KeyEncryptionKey
{
    public const int Length = 32;

    private KeyEncryptionKey(byte[] key)
    {
        Key = key;
        Id = Convert.ToHexStringLower(SHA256.HashData([.. Encoding.ASCII.GetBytes("CrmGovernance.KeyEncryptionKey.v1:"), .. key]).AsSpan(0, 8));
    }

    public string Id { get; }

    internal byte[] Key { get; }

    public static KeyEncryptionKey Generate() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>Reads base64 text holding exactly 32 bytes; null with <paramref name="error"/> otherwise.</summary>
    public static KeyEncryptionKey? TryParse(string text, out string? error)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            error = $"it is not base64 (expected {Length} random bytes as base64, as `openssl rand -base64 {Length}` writes)";
            return null;
        }
        if (bytes.Length != Length)
        {
            error = $"it holds {bytes.Length} bytes, not {Length} (create one with `openssl rand -base64 {Length}`)";
            return null;
        }
        error = null;
        return new KeyEncryptionKey(bytes);
    }

    public string ToBase64() => Convert.ToBase64String(Key);
}
