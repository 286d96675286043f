using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>
/// The AES key-encryption keys this host holds: the current one (new Data Protection keys are encrypted with it; none
/// when a certificate encrypts) and earlier ones kept for decryption. <see cref="Problem"/> says why the host must not
/// start: no KEK outside Development, an unreadable key file, or two KEKs configured at once.
/// </summary>
public sealed class KeyEncryptionKeys
{
    /// <summary>Where Development keeps the KEK it generates, under the data folder (beside the database, never in it).</summary>
    public const string DevelopmentKeyFile = "kek/data-protection.key";

    private readonly Dictionary<string, KeyEncryptionKey> _byId;

    private KeyEncryptionKeys(KeyEncryptionKey? current, IEnumerable<KeyEncryptionKey> previous, string? problem)
    {
        Current = current;
        Problem = problem;
        _byId = previous.Prepend(current).OfType<KeyEncryptionKey>().DistinctBy(k => k.Id).ToDictionary(k => k.Id);
    }

    public KeyEncryptionKey? Current { get; }

    public string? Problem { get; }

    public KeyEncryptionKey? Find(string id) => _byId.GetValueOrDefault(id);

    public string Describe() => _byId.Count == 0 ? "no AES key-encryption key" : string.Join(", ", _byId.Keys.Select(id => $"'{id}'"));

    /// <param name="environmentKey">The value of the <see cref="KeyEncryptionOptions.EnvironmentVariable"/> variable.</param>
    /// <param name="certificateProblem">Why the configured certificate could not be loaded, if it could not.</param>
    internal static KeyEncryptionKeys Load(KeyEncryptionOptions options, string? environmentKey, bool development, string contentRoot,
        string dataFolder, string? certificateProblem, ILogger logger)
    {
        var problems = new List<string>();
        if (certificateProblem is not null)
        {
            problems.Add(certificateProblem);
        }
        var configured = new[]
        {
            string.IsNullOrWhiteSpace(options.CertificatePath) ? null : $"{KeyEncryptionOptions.Section}:CertificatePath",
            string.IsNullOrWhiteSpace(options.KeyFile) ? null : $"{KeyEncryptionOptions.Section}:KeyFile",
            string.IsNullOrWhiteSpace(environmentKey) ? null : $"the {KeyEncryptionOptions.EnvironmentVariable} environment variable",
        }.OfType<string>().ToList();
        if (configured.Count > 1)
        {
            problems.Add($"Set one key-encryption key, not {configured.Count}: {string.Join(", ", configured)}. Keep an earlier one for decryption in {KeyEncryptionOptions.Section}:PreviousKeyFiles.");
        }

        KeyEncryptionKey? current = null;
        if (!string.IsNullOrWhiteSpace(options.KeyFile))
        {
            current = Read(Path.GetFullPath(options.KeyFile, contentRoot), $"{KeyEncryptionOptions.Section}:KeyFile", problems);
        }
        else if (!string.IsNullOrWhiteSpace(environmentKey))
        {
            current = KeyEncryptionKey.TryParse(environmentKey, out var error);
            if (error is not null)
            {
                problems.Add($"The {KeyEncryptionOptions.EnvironmentVariable} environment variable cannot be used: {error}.");
            }
        }
        else if (configured.Count == 0)
        {
            current = development ? DevelopmentKey(Path.Combine(dataFolder, DevelopmentKeyFile), problems, logger) : null;
            if (!development)
            {
                problems.Add(MissingMessage);
            }
        }

        var previous = options.PreviousKeyFiles.Where(f => !string.IsNullOrWhiteSpace(f))
            .Select(f => Read(Path.GetFullPath(f, contentRoot), $"{KeyEncryptionOptions.Section}:PreviousKeyFiles", problems))
            .OfType<KeyEncryptionKey>().ToList();
        return new KeyEncryptionKeys(current, previous, problems.Count == 0 ? null : string.Join(" ", problems));
    }

    internal static string MissingMessage =>
        "No key-encryption key is configured for the Data Protection key ring, and outside Development the portal does not start without one: "
        + "the key ring decrypts every system secret and signs sign-in cookies, and without a key-encryption key it would be stored readable in the database. "
        + $"Set one of: {KeyEncryptionOptions.Section}:KeyFile (a file holding 32 random bytes as base64: `openssl rand -base64 32 > kek.key && chmod 600 kek.key`), "
        + $"the {KeyEncryptionOptions.EnvironmentVariable} environment variable (the same base64 text), "
        + $"or {KeyEncryptionOptions.Section}:CertificatePath and :CertificatePassword (a .pfx with its private key). "
        + "As environment variables, ':' is written '__' (DataProtection__KeyEncryption__KeyFile). See docs/operations.md, \"Key-encryption key\".";

    private static KeyEncryptionKey? Read(string path, string setting, List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add($"{setting}: there is no file at {path}. Create one with `openssl rand -base64 32 > {path} && chmod 600 {path}`.");
            return null;
        }
        try
        {
            var key = KeyEncryptionKey.TryParse(File.ReadAllText(path), out var error);
            if (error is not null)
            {
                problems.Add($"{setting}: the key file {path} cannot be used: {error}.");
            }
            return key;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{setting}: the key file {path} cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>Development only: the generated key file, created owner-only on first start.</summary>
    private static KeyEncryptionKey? DevelopmentKey(string path, List<string> problems, ILogger logger)
    {
        if (!File.Exists(path))
        {
            OwnerOnly.CreateFolder(Path.GetDirectoryName(path)!);
            try
            {
                using var writer = new StreamWriter(new FileStream(path, OwnerOnly.NewFile(FileMode.CreateNew)));
                writer.WriteLine(KeyEncryptionKey.Generate().ToBase64());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process of this content root created it first: use theirs.
            }
        }
        logger.LogWarning(
            "No key-encryption key is configured ({Section}): Development encrypts the Data Protection key ring with the generated key file {Path}. "
            + "Keep it with the database; outside Development the portal refuses to start without a configured key-encryption key.",
            KeyEncryptionOptions.Section, path);
        return Read(path, "The generated Development key file", problems);
    }
}
