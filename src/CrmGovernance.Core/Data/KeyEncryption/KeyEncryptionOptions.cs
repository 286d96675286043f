namespace CrmGovernance.Core.Data.KeyEncryption;

/// <summary>
/// The key-encryption key (KEK) that encrypts the Data Protection key ring before it is written to the database, so a
/// copy of the database alone cannot decrypt system secrets or forge cookies. Exactly one of <see cref="CertificatePath"/>,
/// <see cref="KeyFile"/> or the <see cref="EnvironmentVariable"/> environment variable; Development generates a key file
/// when none is set, every other environment refuses to start.
/// </summary>
public sealed class KeyEncryptionOptions
{
    public const string Section = "DataProtection:KeyEncryption";

    /// <summary>Holds the key as base64 (32 random bytes), for hosts that inject secrets as environment variables.</summary>
    public const string EnvironmentVariable = "CRMGOV_KEK";

    /// <summary>A PKCS#12 (.pfx) file with a private key; new keys are encrypted to its public key (XML encryption, RSA).</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>A file holding 32 random bytes as base64 (<c>openssl rand -base64 32</c>); AES-256-GCM. Relative to the content root.</summary>
    public string? KeyFile { get; set; }

    /// <summary>Key files of earlier KEKs, kept after a rotation so the keys they encrypted still decrypt.</summary>
    public List<string> PreviousKeyFiles { get; set; } = [];

    /// <summary>Certificates of earlier KEKs (PKCS#12 with their private key), kept after a rotation.</summary>
    public List<PreviousCertificate> PreviousCertificates { get; set; } = [];
}
