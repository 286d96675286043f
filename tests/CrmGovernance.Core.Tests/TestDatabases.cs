using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CrmGovernance.Core.Tests;

/// <summary>
/// The portal database a test runs on. <c>CRMGOV_TEST_PROVIDER</c> picks the engine for the whole run: <c>Sqlite</c> (the
/// default: a file in the test's folder) or <c>Postgres</c> (a database of its own on the server of
/// <c>CRMGOV_TEST_POSTGRES</c>, copied from a template migrated once per run, dropped when the test ends).
/// Shared by Core.Tests and Web.Tests (linked there).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string ProviderVariable = "CRMGOV_TEST_PROVIDER";
    public const string ServerVariable = "CRMGOV_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? s_template;
    private static NpgsqlConnection? s_holder;

    private TestDatabase(DatabaseProvider provider, string? name, string connectionString, IReadOnlyDictionary<string, string?> settings)
    {
        Provider = provider;
        _name = name;
        ConnectionString = connectionString;
        Settings = settings;
    }

    private readonly string? _name;

    /// <summary>The engine of this run.</summary>
    public static DatabaseProvider RunProvider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable(ProviderVariable), ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public DatabaseProvider Provider { get; }

    /// <summary>The ADO connection string (SQLite or Npgsql form).</summary>
    public string ConnectionString { get; }

    /// <summary>The <c>Database:*</c> settings that point a host at it.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>A database for one test; SQLite's file is <paramref name="sqlitePath"/> (not created here).</summary>
    public static async Task<TestDatabase> CreateAsync(string sqlitePath)
    {
        if (RunProvider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(DatabaseProvider.Sqlite, null, $"Data Source={sqlitePath}",
                new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:Path"] = sqlitePath });
        }
        var template = await TemplateAsync();
        var name = "crmgov_t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(Server(), $"CREATE DATABASE {name} TEMPLATE {template}");
        var connectionString = new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, name, connectionString, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString,
            // The data folder (keys, exports, mail pickup) is still the folder of Database:Path.
            ["Database:Path"] = sqlitePath,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_name is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await DropAsync(_name);
        }
    }

    /// <summary>
    /// Drops a test database. FORCE may not end an autovacuum worker busy in the new database (PostgreSQL refuses a role
    /// without pg_signal_backend: "must be a member of the role whose process is being terminated"); the worker is soon
    /// done, so the drop is tried again.
    /// </summary>
    public static async Task DropAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync(Server(), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 50)
            {
                await Task.Delay(200);
            }
        }
    }

    /// <summary>The server's connection string; a PostgreSQL run without one fails its tests (they must not pass silently).</summary>
    public static string Server() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"{ProviderVariable}=Postgres needs {ServerVariable}: export {ServerVariable}=\"$(bash .ci/postgres.sh | tail -n 1)\".");

    // One template per run and schema: named after the migrations assembly's build, so a changed schema gets a new one.
    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (s_template is not null)
            {
                return s_template;
            }
            var version = typeof(Migrations.Postgres.DesignTimeDbContextFactory).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];
            var name = "crmgov_template_" + version;
            await using (var server = new NpgsqlConnection(Server()))
            {
                await server.OpenAsync();
                // Another test process may be building the same template: one at a time, on the server.
                await using var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(1128726600)", server);
                await lockCommand.ExecuteNonQueryAsync();
                await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", server);
                exists.Parameters.AddWithValue("name", name);
                if ((long)(await exists.ExecuteScalarAsync())! == 0)
                {
                    await BuildTemplateAsync(name);
                }
                await HoldAsync(name);
                await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(1128726600)", server);
                await unlock.ExecuteNonQueryAsync();
            }
            s_template = name;
            return name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task BuildTemplateAsync(string name)
    {
        var building = name + "_building";
        await ExecuteAsync(Server(), $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
        await ExecuteAsync(Server(), $"CREATE DATABASE {building}");
        var options = new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = new NpgsqlConnectionStringBuilder(Server()) { Database = building }.ConnectionString };
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        PortalDialects.Postgres.Configure(builder, options, Path.GetTempPath());
        await using (var db = new CrmDbContext(builder.Options))
        {
            await db.Database.MigrateAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Server(), $"ALTER DATABASE {building} RENAME TO {name}");
        // Templates of earlier builds are never used again.
        await using var server = new NpgsqlConnection(Server());
        await server.OpenAsync();
        await using var stale = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'crmgov\\_template\\_%' AND datname <> @name", server);
        stale.Parameters.AddWithValue("name", name);
        var names = new List<string>();
        await using (var reader = await stale.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }
        foreach (var old in names)
        {
            // A run of another build (another worktree, a run still going) holds its template: it is left to that run.
            await using var probe = new NpgsqlCommand("SELECT pg_try_advisory_lock(1128726601, hashtext(@name))", server);
            probe.Parameters.AddWithValue("name", old);
            if ((bool)(await probe.ExecuteScalarAsync())!)
            {
                await ExecuteAsync(Server(), $"DROP DATABASE IF EXISTS {old} WITH (FORCE)");
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(1128726601, hashtext(@name))", server);
                release.Parameters.AddWithValue("name", old);
                await release.ExecuteScalarAsync();
            }
        }
    }

    // The run's template is in use while this process lives: a shared lock on a connection kept open to the end says so
    // to runs of other builds, which would otherwise drop it as stale under this run's feet.
    private static async Task HoldAsync(string name)
    {
        s_holder = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server()) { Pooling = false }.ConnectionString);
        await s_holder.OpenAsync();
        await using var hold = new NpgsqlCommand("SELECT pg_advisory_lock_shared(1128726601, hashtext(@name))", s_holder);
        hold.Parameters.AddWithValue("name", name);
        await hold.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Names made here from Guids and a module id, never input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }
}
