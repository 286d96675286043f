using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>
/// A copy of a portal database file and of its witness, in a folder of its own, verified with the portal's key: the
/// tamper is applied to the copy, so every case starts from the same intact chain.
/// </summary>
internal sealed class TamperedCopy : IDisposable
{
    private readonly string _folder;
    private readonly DbContextOptions<CrmDbContext> _options;
    private readonly AuditChainKey _key;

    private TamperedCopy(string folder, AuditChainKey key, TimeProvider clock)
    {
        _folder = folder;
        _key = key;
        DatabasePath = Path.Combine(folder, "crm.db");
        WitnessPath = Path.Combine(folder, "witness", "audit-checkpoints.jsonl");
        _options = new DbContextOptionsBuilder<CrmDbContext>().UseSqlite($"Data Source={DatabasePath};Pooling=False").Options;
        Tamper = new AuditTamper(DatabasePath);
        Witness = new AuditWitness(key, WitnessPath, null, clock, NullLogger<AuditWitness>.Instance);
        Contexts = new CopyContexts(_options);
    }

    public string DatabasePath { get; }
    public string WitnessPath { get; }
    public AuditTamper Tamper { get; }
    public AuditWitness Witness { get; }
    public IDbContextFactory<CrmDbContext> Contexts { get; }

    /// <summary>Copies the database (SQLite's backup, so the write-ahead log comes along) and the witness file.</summary>
    public static TamperedCopy Of(string databasePath, string witnessPath, AuditChainKey key, TimeProvider clock)
    {
        var copy = new TamperedCopy(Path.Combine(Path.GetTempPath(), "crm-tamper-" + Guid.NewGuid().ToString("N")), key, clock);
        Directory.CreateDirectory(Path.GetDirectoryName(copy.WitnessPath)!);
        using (var source = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        using (var target = new SqliteConnection($"Data Source={copy.DatabasePath};Pooling=False"))
        {
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        if (File.Exists(witnessPath))
        {
            File.Copy(witnessPath, copy.WitnessPath);
        }
        return copy;
    }

    public AuditTriggerCheck Triggers => new(Contexts);

    public AuditVerificationService Verification(TimeProvider clock) =>
        new(Contexts, new AuditChainVerifier(Contexts, _key, Witness), Witness, Triggers, clock, NullLogger<AuditVerificationService>.Instance);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private sealed class CopyContexts(DbContextOptions<CrmDbContext> options) : IDbContextFactory<CrmDbContext>
    {
        public CrmDbContext CreateDbContext() => new(options);
    }
}
