using CrmGovernance.Core.Data.KeyEncryption;

namespace CrmGovernance.Benchmarks.Hosting;

/// <summary>The key-encryption key a Production host needs to start: a key file beside the benchmark's database, kept across runs.</summary>
internal static class BenchmarkKeyEncryption
{
    public const string KeyFileSetting = KeyEncryptionOptions.Section + ":KeyFile";

    public static string KeyFileIn(string folder)
    {
        var path = Path.Combine(folder, "kek.key");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, KeyEncryptionKey.Generate().ToBase64());
        }
        return path;
    }
}
