using System.Globalization;
using System.Security.Cryptography;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>A system's connector settings and decrypted secrets, with defaults and messages that name the system and the setting.</summary>
internal sealed class ConnectorSettings(ConnectedSystem system, SecretProtector? secrets)
{
    public string SystemKey => system.Key;

    public string Describe => $"system '{system.Key}' ({system.ConnectorType} connector)";

    public IReadOnlyDictionary<string, string> All => system.Settings;

    public string? Get(string name) =>
        system.Settings.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public string Get(string name, string fallback) => Get(name) ?? fallback;

    /// <summary>A per-object setting: "{objectKey}.{name}".</summary>
    public string? ForObject(string objectKey, string name) => Get(objectKey + "." + name);

    public string ForObject(string objectKey, string name, string fallback) => ForObject(objectKey, name) ?? fallback;

    public string Required(string name) =>
        Get(name) ?? throw new InvalidOperationException($"The {Describe} needs the setting '{name}'.");

    public int Int(string name, int fallback, int min, int max)
    {
        var text = Get(name);
        if (text is null)
        {
            return fallback;
        }
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidOperationException($"The setting '{name}' of the {Describe} must be a whole number from {min} to {max}, not '{text}'.");
        }
        return value;
    }

    public bool Bool(string name) => Get(name) is { } text && (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text == "1");

    /// <summary>The secret decrypted, or null when the system has none of that name.</summary>
    public string? Secret(string name)
    {
        if (!system.Secrets.TryGetValue(name, out var ciphertext) || string.IsNullOrEmpty(ciphertext))
        {
            return null;
        }
        if (secrets is null)
        {
            throw new InvalidOperationException($"The secret '{name}' of the {Describe} cannot be decrypted here.");
        }
        try
        {
            return secrets.Unprotect(ciphertext);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException($"The secret '{name}' of the {Describe} cannot be decrypted (was the key ring replaced?): enter it again.", e);
        }
    }

    public string RequiredSecret(string name) =>
        Secret(name) ?? throw new InvalidOperationException($"The {Describe} needs the secret '{name}'.");
}
