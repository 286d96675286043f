using CrmGovernance.Core.Data;
using CrmGovernance.Core.Tests;
using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data.KeyEncryption;
using CrmGovernance.Core.Features.Audit.Export;
using CrmGovernance.Web.Tests.Audit;

namespace CrmGovernance.Web.Tests.Hosting;

/// <summary>What the portal creates on a fresh machine holds customer data and key material: only its own user may read it.</summary>
public sealed class OwnerOnlyFilesTests : IDisposable
{
    private const UnixFileMode GroupOrOther = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    private readonly string _root = Path.Combine(Path.GetTempPath(), "crmgov-modes-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task The_data_export_log_and_key_folders_and_the_database_are_created_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Windows folders inherit their ACLs; Unix modes do not apply.
        }
        var data = Path.Combine(_root, "var", "data");
        var logs = Path.Combine(_root, "var", "logs");
        using (var host = new PortalHost(demo: false, settings: new Dictionary<string, string>
        {
            ["Database:Path"] = Path.Combine(data, "crm.db"),
            ["Scheduler:DatabasePath"] = Path.Combine(data, "scheduler.db"),
            ["Logs:Path"] = Path.Combine(logs, "portal-.log"),
        }))
        {
            var seed = new AuditExportSeed(host);
            const string email = "modes-auditor@example.com";
            var auditorId = await PortalUsers.CreateAsync(host, email, "auditor of the private files", Roles.Auditor);
            var export = await seed.FinishedAsync(await seed.RequestAsync(auditorId, email, Roles.Auditor));
            Assert.Equal(AuditExportStatus.Completed, export.Status);

            List<string> paths =
            [
                Path.Combine(_root, "var"), data, logs, seed.Files.Folder, Path.GetDirectoryName(Path.Combine(data, KeyEncryptionKeys.DevelopmentKeyFile))!,
                Path.Combine(data, KeyEncryptionKeys.DevelopmentKeyFile), seed.Files.PathOf(export.Id),
            ];
            if (TestDatabase.RunProvider == DatabaseProvider.Sqlite)
            {
                // On PostgreSQL the portal database and the scheduler's store are on the server, not in the data folder.
                paths.AddRange([Path.Combine(data, "crm.db"), Path.Combine(data, "scheduler.db")]);
            }
            var open = new List<string>();
            foreach (var path in paths)
            {
                var mode = File.GetUnixFileMode(path);
                if ((mode & GroupOrOther) != 0)
                {
                    open.Add($"{path} ({mode})");
                }
            }
            Assert.True(open.Count == 0, "Readable by others: " + string.Join(", ", open));
            Assert.NotEmpty(Directory.GetFiles(logs));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be closing; the temp folder is cleaned by the OS.
        }
    }
}
