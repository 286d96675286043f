using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Data.KeyEncryption;

public static class KeyEncryptionSetup
{
    /// <summary>
    /// Encrypts the key ring with the configured key-encryption key (a certificate, a key file or CRMGOV_KEK; in Development
    /// a generated key file) and refuses to start without one elsewhere. Keys written before stay readable: Data Protection
    /// reads unencrypted key XML as it is, and only new keys are encrypted.
    /// </summary>
    public static IDataProtectionBuilder ProtectKeysWithConfiguredKek(this IDataProtectionBuilder builder, IConfiguration configuration,
        string contentRoot, string dataFolder)
    {
        var section = configuration.GetSection(KeyEncryptionOptions.Section);
        var options = section.Get<KeyEncryptionOptions>() ?? new KeyEncryptionOptions();

        // Certificates are loaded now: Data Protection's certificate decryptor takes them at registration only.
        string? certificateProblem = null;
        if (!string.IsNullOrWhiteSpace(options.CertificatePath)
            && Load(options.CertificatePath, options.CertificatePassword, contentRoot, "CertificatePath", out certificateProblem) is { } certificate)
        {
            builder.ProtectKeysWithCertificate(certificate);
        }
        var previous = new List<X509Certificate2>();
        foreach (var old in options.PreviousCertificates.Where(c => !string.IsNullOrWhiteSpace(c.Path)))
        {
            if (Load(old.Path, old.Password, contentRoot, "PreviousCertificates", out var problem) is { } loaded)
            {
                previous.Add(loaded);
            }
            certificateProblem = problem is null ? certificateProblem : $"{certificateProblem} {problem}".Trim();
        }
        if (previous.Count > 0)
        {
            builder.UnprotectKeysWithAnyCertificate([.. previous]);
        }

        builder.Services.AddSingleton(sp => KeyEncryptionKeys.Load(options, Environment.GetEnvironmentVariable(KeyEncryptionOptions.EnvironmentVariable),
            sp.GetRequiredService<IHostEnvironment>().IsDevelopment(), contentRoot, dataFolder, certificateProblem,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger<KeyEncryptionKeys>()));
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>, UseKeyEncryptionKey>();
        builder.Services.AddSingleton<IValidateOptions<KeyEncryptionOptions>, KeyEncryptionCheck>();
        builder.Services.AddOptions<KeyEncryptionOptions>().Bind(section).ValidateOnStart();
        return builder;
    }

    private static X509Certificate2? Load(string path, string? password, string contentRoot, string setting, out string? problem)
    {
        var full = Path.GetFullPath(path, contentRoot);
        try
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(full, password);
            problem = certificate.HasPrivateKey ? null : $"{KeyEncryptionOptions.Section}:{setting}: the certificate {full} has no private key.";
            return problem is null ? certificate : null;
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            problem = $"{KeyEncryptionOptions.Section}:{setting}: the certificate {full} cannot be loaded (is the path and the password right?): {e.Message}";
            return null;
        }
    }
}
