using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CrmGovernance.Core.Data.KeyEncryption;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Tests.Data.KeyEncryption;

/// <summary>The Data Protection key ring in the database is encrypted with a key-encryption key (KEK) kept outside it.</summary>
public sealed class KeyEncryptionTests : IDisposable
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "crm-kek-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_stored_secret_leaves_no_plain_master_key_in_the_database()
    {
        await using var host = await KeyRingHost.StartAsync(Folder("portal"), "Test", KeyFile(Folder("secrets")));

        host.Secrets.Protect("Password=hunter2");

        var rows = await host.StoredKeysAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, xml =>
        {
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains($"kek=\"{KeyId(Folder("secrets"))}\"", xml, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_copy_of_the_database_cannot_decrypt_a_secret_without_the_key_encryption_key_and_can_with_it()
    {
        string ciphertext;
        await using (var original = await KeyRingHost.StartAsync(Folder("portal"), "Test", KeyFile(Folder("secrets"))))
        {
            ciphertext = original.Secrets.Protect("Password=hunter2");
        }
        var stolen = CopyDatabase(Folder("portal"), Folder("stolen"));
        var restored = CopyDatabase(Folder("portal"), Folder("restored"));

        // Development, so it starts without a configured KEK: it makes its own, which cannot open the stolen key ring.
        await using (var thief = await KeyRingHost.StartAsync(stolen, "Development"))
        {
            var refused = Assert.Throws<CryptographicException>(() => thief.Secrets.Unprotect(ciphertext));
            Assert.Contains("key-encryption key", refused.Message, StringComparison.Ordinal);
            // A refusal, not a broken host: it still protects and reads its own secrets.
            Assert.Equal("mine", thief.Secrets.Unprotect(thief.Secrets.Protect("mine")));
        }
        await using var owner = await KeyRingHost.StartAsync(restored, "Test", KeyFile(Folder("secrets")));
        Assert.Equal("Password=hunter2", owner.Secrets.Unprotect(ciphertext));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task A_host_outside_development_without_a_key_encryption_key_refuses_to_start_and_says_what_to_set(string environment)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => KeyRingHost.StartAsync(Folder("portal"), environment));

        var message = Messages(error);
        Assert.Contains("No key-encryption key is configured", message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:KeyEncryption:KeyFile", message, StringComparison.Ordinal);
        Assert.Contains(KeyEncryptionOptions.EnvironmentVariable, message, StringComparison.Ordinal);
        Assert.Contains("DataProtection:KeyEncryption:CertificatePath", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_key_file_that_does_not_exist_refuses_the_start_with_the_command_that_creates_it()
    {
        var missing = Path.Combine(Folder("secrets"), "absent.key");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            KeyRingHost.StartAsync(Folder("portal"), "Development", new Dictionary<string, string?> { [TestKeyEncryption.KeyFileSetting] = missing }));

        Assert.Contains($"there is no file at {missing}", Messages(error), StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", Messages(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_without_a_configured_key_generates_an_owner_only_key_file_beside_the_database_and_reuses_it()
    {
        string ciphertext;
        await using (var first = await KeyRingHost.StartAsync(Folder("portal"), "Development"))
        {
            ciphertext = first.Secrets.Protect("Password=hunter2");
        }
        var keyFile = Path.Combine(Folder("portal"), "data", KeyEncryptionKeys.DevelopmentKeyFile);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            Assert.Equal((UnixFileMode)0, File.GetUnixFileMode(Path.GetDirectoryName(keyFile)!) & GroupOrOther);
        }

        await using var again = await KeyRingHost.StartAsync(Folder("portal"), "Development");
        Assert.Equal("Password=hunter2", again.Secrets.Unprotect(ciphertext));
        Assert.All(await again.StoredKeysAsync(), xml => Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_stored_unencrypted_before_the_upgrade_still_decrypt_and_new_keys_are_encrypted()
    {
        string ciphertext;
        // The portal before this change: no XML encryptor, so the key is stored as plain XML.
        await using (var before = await KeyRingHost.StartAsync(Folder("portal"), "Development", alsoRegister: s =>
            s.Configure<KeyManagementOptions>(o => o.XmlEncryptor = null)))
        {
            ciphertext = before.Secrets.Protect("Password=hunter2");
            Assert.Contains("<masterKey", Assert.Single(await before.StoredKeysAsync()), StringComparison.Ordinal);
        }

        await using var after = await KeyRingHost.StartAsync(Folder("portal"), "Test", KeyFile(Folder("secrets")));
        Assert.Equal("Password=hunter2", after.Secrets.Unprotect(ciphertext));
        NewKey(after);
        var rows = await after.StoredKeysAsync();
        Assert.Equal(2, rows.Count);
        Assert.Single(rows, xml => xml.Contains("<masterKey", StringComparison.Ordinal));
        Assert.Single(rows, xml => xml.Contains($"kek=\"{KeyId(Folder("secrets"))}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task After_a_rotation_the_previous_key_file_still_decrypts_and_new_keys_use_the_new_one()
    {
        string ciphertext;
        await using (var before = await KeyRingHost.StartAsync(Folder("portal"), "Test", KeyFile(Folder("old"))))
        {
            ciphertext = before.Secrets.Protect("Password=hunter2");
        }

        await using var rotated = await KeyRingHost.StartAsync(Folder("portal"), "Test", new Dictionary<string, string?>
        {
            [TestKeyEncryption.KeyFileSetting] = TestKeyEncryption.KeyFileIn(Folder("new")),
            [KeyEncryptionOptions.Section + ":PreviousKeyFiles:0"] = TestKeyEncryption.KeyFileIn(Folder("old")),
        });

        Assert.Equal("Password=hunter2", rotated.Secrets.Unprotect(ciphertext));
        NewKey(rotated);
        Assert.Single(await rotated.StoredKeysAsync(), xml => xml.Contains($"kek=\"{KeyId(Folder("new"))}\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_certificate_encrypts_the_key_ring_and_only_a_host_holding_it_decrypts()
    {
        var pfx = Path.Combine(Folder("secrets"), "kek.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=crmgov key encryption test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "pfx password"));
        }
        var settings = new Dictionary<string, string?>
        {
            [KeyEncryptionOptions.Section + ":CertificatePath"] = pfx,
            [KeyEncryptionOptions.Section + ":CertificatePassword"] = "pfx password",
        };
        string ciphertext;
        await using (var original = await KeyRingHost.StartAsync(Folder("portal"), "Production", settings))
        {
            ciphertext = original.Secrets.Protect("Password=hunter2");
            Assert.All(await original.StoredKeysAsync(), xml =>
            {
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
                Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            });
        }
        var restored = CopyDatabase(Folder("portal"), Folder("restored"));
        var stolen = CopyDatabase(Folder("portal"), Folder("stolen"));

        await using (var owner = await KeyRingHost.StartAsync(restored, "Production", settings))
        {
            Assert.Equal("Password=hunter2", owner.Secrets.Unprotect(ciphertext));
        }
        await using var thief = await KeyRingHost.StartAsync(stolen, "Test", KeyFile(Folder("thief")));
        Assert.Throws<CryptographicException>(() => thief.Secrets.Unprotect(ciphertext));
    }

    [Fact]
    public async Task A_started_host_has_created_its_data_folder_and_databases_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows folders inherit their ACLs; Unix modes do not apply.
        }
        await using var host = await KeyRingHost.StartAsync(Folder("portal"), "Test", KeyFile(Folder("secrets")));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(host.DataFolder));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(host.DatabasePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(host.DataFolder, "scheduler.db")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the OS.
        }
    }

    private string Folder(string name)
    {
        var path = Path.Combine(_root, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static Dictionary<string, string?> KeyFile(string folder) =>
        new() { [TestKeyEncryption.KeyFileSetting] = TestKeyEncryption.KeyFileIn(folder) };

    private static string KeyId(string folder) =>
        KeyEncryptionKey.TryParse(File.ReadAllText(TestKeyEncryption.KeyFileIn(folder)), out _)!.Id;

    /// <summary>The database file alone, as a backup or a stolen copy holds it, as the portal database of a new content root.</summary>
    private static string CopyDatabase(string from, string to)
    {
        Directory.CreateDirectory(Path.Combine(to, "data"));
        File.Copy(KeyRingHost.DatabasePathIn(from), KeyRingHost.DatabasePathIn(to));
        if (File.Exists(KeyRingHost.DatabasePathIn(from) + "-wal"))
        {
            File.Copy(KeyRingHost.DatabasePathIn(from) + "-wal", KeyRingHost.DatabasePathIn(to) + "-wal");
        }
        return to;
    }

    private static void NewKey(KeyRingHost host)
    {
        var now = DateTimeOffset.UtcNow;
        host.Services.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
    }

    private static string Messages(Exception error) => error switch
    {
        AggregateException many => string.Join(" ", many.InnerExceptions.Select(Messages)),
        OptionsValidationException invalid => string.Join(" ", invalid.Failures),
        _ => error.Message,
    };
}
