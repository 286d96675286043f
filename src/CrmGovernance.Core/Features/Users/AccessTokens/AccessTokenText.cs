using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace CrmGovernance.Core.Features.Users.AccessTokens;

/// <summary>
/// How a token looks: <c>crmg_&lt;8 hex&gt;_&lt;32 random bytes, base64url&gt;</c>. The marker helps secret scanners and
/// people; the hex part is the prefix kept in clear to find the row; only the SHA-256 of the whole text is stored.
/// </summary>
public static class AccessTokenText
{
    public const string Marker = "crmg_";
    private const int PrefixHexLength = 8;
    private const int SecretLength = 43; // 32 bytes, base64url without padding
    public const int PrefixLength = 13; // marker + 8 hex
    public const int Length = PrefixLength + 1 + SecretLength;

    private static readonly SearchValues<char> Hex = SearchValues.Create("0123456789abcdef");
    private static readonly SearchValues<char> Base64UrlChars = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static string Generate() =>
        Marker + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(PrefixHexLength / 2)) + "_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The prefix of a well-formed token; false for anything else (nothing is hashed or looked up then).</summary>
    public static bool TryPrefixOf(string? text, out string prefix)
    {
        prefix = "";
        if (text is null || text.Length != Length || !text.StartsWith(Marker, StringComparison.Ordinal) || text[PrefixLength] != '_')
        {
            return false;
        }
        if (text.AsSpan(Marker.Length, PrefixHexLength).ContainsAnyExcept(Hex)
            || text.AsSpan(PrefixLength + 1).ContainsAnyExcept(Base64UrlChars))
        {
            return false;
        }
        prefix = text[..PrefixLength];
        return true;
    }

    public static byte[] HashBytes(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    /// <summary>SHA-256 of the token's UTF-8 bytes, lower-case hex: what the database stores.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(HashBytes(text));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
