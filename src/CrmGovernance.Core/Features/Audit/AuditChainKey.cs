using System.Security.Cryptography;
using System.Text;
using CrmGovernance.Core.Data;

namespace CrmGovernance.Core.Features.Audit;

/// <summary>
/// The secret that seals audit rows (HMAC-SHA256) and signs the witness's checkpoints. It never lives in the database:
/// someone who can write the database but does not hold it cannot recompute a row's hash nor sign a checkpoint.
/// </summary>
public sealed class AuditChainKey
{
    public const int MinimumBytes = 32;
    public const string GeneratedFileName = "audit-chain.key";

    private readonly byte[] _key;

    private AuditChainKey(byte[] key, string origin, bool generated)
    {
        _key = key;
        Origin = origin;
        Generated = generated;
        // Names the key in checkpoints (to tell "another key" from "forged") without revealing anything of it.
        Id = Convert.ToHexStringLower(HMACSHA256.HashData(key, "crmgov audit chain key id"u8))[..16];
    }

    /// <summary>Where the key came from, for the log: a file path or an environment variable's name.</summary>
    public string Origin { get; }

    /// <summary>True when this process generated the key because none was configured.</summary>
    public bool Generated { get; }

    public string Id { get; }

    public string Seal(AuditEntry row, string previousHash) => AuditHasher.ComputeKeyed(row, previousHash, _key);

    public string Sign(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    public bool HasSigned(string text, string signature) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(text)), Encoding.ASCII.GetBytes(signature));

    public static AuditChainKey FromBytes(byte[] key, string origin)
    {
        if (key.Length < MinimumBytes)
        {
            throw new InvalidOperationException($"The audit chain key from {origin} has {key.Length} bytes; it needs at least {MinimumBytes}.");
        }
        return new AuditChainKey(key, origin, generated: false);
    }

    /// <summary>
    /// The configured key file, else the key variable, else the generated key in <c>keys/</c> of the database's folder
    /// (made on first start, owner-only).
    /// </summary>
    /// <exception cref="InvalidOperationException">A configured key is missing or unreadable (the message says how to make one).</exception>
    public static AuditChainKey Load(AuditChainOptions options, string contentRoot, string dataFolder)
    {
        if (options.KeyFile.Length > 0)
        {
            var path = Path.GetFullPath(options.KeyFile, contentRoot);
            return File.Exists(path)
                ? Decode(File.ReadAllText(path), "file " + path)
                : throw new InvalidOperationException($"AuditChain:KeyFile names {path}, which does not exist. Make a key with: openssl rand -base64 32 > {path}");
        }
        if (options.KeyVariable.Length > 0 && Environment.GetEnvironmentVariable(options.KeyVariable) is { Length: > 0 } value)
        {
            return Decode(value, "environment variable " + options.KeyVariable);
        }
        return LoadOrGenerate(Path.Combine(dataFolder, "chain-key", GeneratedFileName));
    }

    public static AuditChainKey FromFile(string path) => Decode(File.ReadAllText(path), "file " + path);

    private static AuditChainKey LoadOrGenerate(string path)
    {
        if (File.Exists(path))
        {
            return FromFile(path);
        }
        // Its parents too (the data folder, when this runs before the database initializer): owner-only.
        OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(MinimumBytes);
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        try
        {
            using var writer = new StreamWriter(path, Encoding.ASCII, file);
            writer.WriteLine(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (the portal and crmgov starting together) made it first: use theirs.
            Thread.Sleep(100);
            return FromFile(path);
        }
        return new AuditChainKey(key, "file " + path, generated: true);
    }

    private static AuditChainKey Decode(string text, string origin)
    {
        try
        {
            return FromBytes(Convert.FromBase64String(text.Trim()), origin);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"The audit chain key from {origin} is not base64. Make one with: openssl rand -base64 32");
        }
    }
}
