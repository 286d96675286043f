using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Tests.Features.Sync.Engine;
using CrmGovernance.Core.Tests;
using Microsoft.Data.Sqlite;

namespace CrmGovernance.Cli.Tests;

/// <summary>
/// A temp content root as an operator sets one up: appsettings.json (demo off, relative database paths) and the portal
/// database created by <c>crmgov migrate</c> itself. Disposing deletes the folder.
/// </summary>
internal sealed class AuditCliWorkspace : IDisposable
{
    private AuditCliWorkspace(string root) => Root = root;

    public string Root { get; }
    public string DatabasePath => Path.Combine(Root, "data", "portal.db");
    public string ConnectionString => $"Data Source={DatabasePath};Pooling=False";
    public string WitnessPath => Path.Combine(Root, "data", "witness", "audit-checkpoints.jsonl");

    /// <summary>The key crmgov generated on its first start (none is configured here), as the portal would.</summary>
    public AuditChainKey ChainKey => AuditChainKey.FromFile(Path.Combine(Root, "data", "chain-key", AuditChainKey.GeneratedFileName));

    /// <param name="demo">The "Demo" section (JSON): off unless a test wants the demo's accounts, configuration and history.</param>
    public static async Task<AuditCliWorkspace> CreateAsync(string demo = """{ "Enabled": false }""")
    {
        var workspace = new AuditCliWorkspace(Path.Combine(Path.GetTempPath(), "crmgov-audit-cli-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(workspace.Root);
        await File.WriteAllTextAsync(Path.Combine(workspace.Root, "appsettings.json"), $$"""
            {
              "Demo": {{demo}},
              "Database": { "Path": "data/portal.db" },
              "Scheduler": { "DatabasePath": "data/scheduler.db" },
              "Sync": { "Worker": false },
              "DataProtection": { "KeyEncryption": { "KeyFile": "kek.key" } }
            }
            """);
        // Outside Development the portal and crmgov refuse to start without a key-encryption key.
        TestKeyEncryption.KeyFileIn(workspace.Root);
        var migrate = await workspace.RunAsync("migrate");
        return migrate.ExitCode == 0 ? workspace : throw new InvalidOperationException("crmgov migrate failed:\n" + migrate);
    }

    /// <summary>One crmgov run on this content root, to its end.</summary>
    public async Task<MatchCliRun> RunAsync(params string[] args)
    {
        using var process = CrmgovProcess.Start(["--content-root", Root, .. args]);
        // Generous: the test machine runs builds beside the tests.
        var exitCode = await process.WaitAsync(TimeSpan.FromMinutes(3));
        return new MatchCliRun(exitCode, process.Output, "");
    }

    /// <summary>Runs SQL as someone with write access to the file would.</summary>
    public async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own attack statements.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still closing; the temp folder is cleaned by the OS.
        }
    }
}
