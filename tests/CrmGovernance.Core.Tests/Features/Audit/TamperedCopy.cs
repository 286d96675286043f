using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmGovernance.Core.Tests.Features.Audit;

/// <summary>
/// A copy of a portal database and of its witness, in a folder of its own, verified with the portal's key: the tamper is
/// applied to the copy, so every case starts from the same intact chain. SQLite: the file, copied with SQLite's backup (so
/// the write-ahead log comes along); PostgreSQL: a database created from the host's as its template, dropped on disposal.
/// </summary>
internal sealed class TamperedCopy : IDisposable
{
    private readonly string _folder;
    private readonly string? _postgresName;
    private readonly AuditChainKey _key;

    private TamperedCopy(string folder, DatabaseProvider provider, string connectionString, string? postgresName, AuditChainKey key, TimeProvider clock)
    {
        _folder = folder;
        _postgresName = postgresName;
        _key = key;
        WitnessPath = Path.Combine(folder, "witness", "audit-checkpoints.jsonl");
        var options = TestSql.Options(provider, connectionString);
        Tamper = new AuditTamper(provider, connectionString);
        Witness = new AuditWitness(key, WitnessPath, null, clock, NullLogger<AuditWitness>.Instance);
        Contexts = new CopyContexts(options);
    }

    public string WitnessPath { get; }
    public AuditTamper Tamper { get; }
    public AuditWitness Witness { get; }
    public IDbContextFactory<CrmDbContext> Contexts { get; }

    /// <summary>Copies the host's database and witness file; <paramref name="key"/> is the key the copy is verified with.</summary>
    public static TamperedCopy Of(CoreTestHost host, AuditChainKey key)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crm-tamper-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "witness"));
        TamperedCopy copy;
        if (host.Provider == DatabaseProvider.Postgres)
        {
            var source = new NpgsqlConnectionStringBuilder(host.ConnectionString);
            var name = "crmgov_t_" + Guid.NewGuid().ToString("N");
            CopyPostgres(source.Database!, name);
            var target = new NpgsqlConnectionStringBuilder(host.ConnectionString) { Database = name, Pooling = false };
            copy = new TamperedCopy(folder, DatabaseProvider.Postgres, target.ConnectionString, name, key, host.Clock);
        }
        else
        {
            var path = Path.Combine(folder, "crm.db");
            using (var source = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False"))
            using (var target = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                source.Open();
                target.Open();
                source.BackupDatabase(target);
            }
            copy = new TamperedCopy(folder, DatabaseProvider.Sqlite, $"Data Source={path};Pooling=False", null, key, host.Clock);
        }
        if (File.Exists(host.Witness.FilePath))
        {
            File.Copy(host.Witness.FilePath, copy.WitnessPath);
        }
        return copy;
    }

    public AuditTriggerCheck Triggers => new(Contexts);

    public AuditVerificationService Verification(TimeProvider clock) =>
        new(Contexts, new AuditChainVerifier(Contexts, _key, Witness), Witness, Triggers, clock, NullLogger<AuditVerificationService>.Instance);

    public void Dispose()
    {
        if (_postgresName is not null)
        {
            TestDatabase.DropAsync(_postgresName).GetAwaiter().GetResult();
        }
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    // CREATE DATABASE … TEMPLATE needs the source without sessions: the host's idle pooled connections are closed first,
    // and a connection still being returned is waited for.
    private static void CopyPostgres(string source, string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                Server($"CREATE DATABASE {name} TEMPLATE {source}");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static void Server(string sql)
    {
        using var connection = new NpgsqlConnection(TestDatabase.Server());
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Names made here from Guids and the test database's own name, never input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    private sealed class CopyContexts(DbContextOptions<CrmDbContext> options) : IDbContextFactory<CrmDbContext>
    {
        public CrmDbContext CreateDbContext() => new(options);
    }
}
