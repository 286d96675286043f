using System.Security.Cryptography;
using System.Text;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>How inbound API keys look, and how they are hashed for storage and lookup.</summary>
public static class InboundKeyText
{
    /// <summary>Marks the text as a CrmGovernance inbound key (useful to secret scanners and to people).</summary>
    public const string Marker = "cgk_";

    /// <summary>Characters of the key kept in clear to tell keys apart: the marker and eight random characters.</summary>
    public const int PrefixLength = 12;

    /// <summary>Longer presented values are refused without hashing.</summary>
    public const int MaxLength = 256;

    /// <summary>A new key: the marker and 256 random bits, base64url.</summary>
    public static string Generate() => Marker + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string PrefixOf(string key) => key.Length <= PrefixLength ? key : key[..PrefixLength];

    /// <summary>SHA-256 of the key's UTF-8 bytes, lower-case hex: what the database stores and the cache looks up.</summary>
    public static string Hash(string key)
    {
        Span<byte> digest = stackalloc byte[32];
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        var buffer = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(key, buffer);
        SHA256.HashData(buffer[..length], digest);
        return Convert.ToHexStringLower(digest);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
