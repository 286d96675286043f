using CrmGovernance.Core.Data.KeyEncryption;

namespace CrmGovernance.Core.Tests;

/// <summary>
/// A key-encryption key file for hosts that run outside Development (which refuse to start without one), as an operator
/// would create it with <c>openssl rand -base64 32</c>.
/// </summary>
internal static class TestKeyEncryption
{
    public const string KeyFileSetting = KeyEncryptionOptions.Section + ":KeyFile";

    /// <summary>Writes <c>kek.key</c> into <paramref name="folder"/> when missing; returns its path.</summary>
    public static string KeyFileIn(string folder)
    {
        var path = Path.Combine(folder, "kek.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(path, KeyEncryptionKey.Generate().ToBase64());
        }
        return path;
    }
}
