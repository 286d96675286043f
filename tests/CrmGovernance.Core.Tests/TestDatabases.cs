using CrmGovernance.Core.Data;
using CrmGovernance.Core.Data.Dialects;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
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
    /// <param name="provider">An engine the test needs whatever the run's (a test about several nodes needs PostgreSQL).</param>
    public static async Task<TestDatabase> CreateAsync(string sqlitePath, DatabaseProvider? provider = null)
    {
        if ((provider ?? RunProvider) == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(DatabaseProvider.Sqlite, null, $"Data Source={sqlitePath}",
                new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["Database:Path"] = sqlitePath });
        }
        var template = await TemplateAsync();
        var name = "crmgov_t_" + Guid.NewGuid().ToString("N");
        await CopyTemplateAsync(template, name);
        var connectionString = new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, name, connectionString, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString,
            // The data folder (keys, exports, mail pickup) is still the folder of Database:Path.
            ["Database:Path"] = sqlitePath,
        });
    }

    private static bool s_fileCopy = true;

    /// <summary>
    /// A new database from the migrated template. PostgreSQL 15's default strategy writes the copy through the WAL;
    /// copying the files is about 40 % faster for a database this small (a thousand of them per run). Older servers do
    /// not know the option: then the default.
    /// </summary>
    private static async Task CopyTemplateAsync(string template, string name)
    {
        if (s_fileCopy)
        {
            try
            {
                await ExecuteAsync(Server(), $"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY");
                return;
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.SyntaxError or PostgresErrorCodes.InvalidParameterValue)
            {
                s_fileCopy = false;
            }
        }
        await ExecuteAsync(Server(), $"CREATE DATABASE {name} TEMPLATE {template}");
    }

    /// <summary>
    /// An empty PostgreSQL database whatever the run's engine (no portal schema): for the scheduler's store, the target of a
    /// copy. Dropped on dispose like the others.
    /// </summary>
    public static async Task<TestDatabase> CreateEmptyPostgresAsync()
    {
        var name = "crmgov_t_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(Server(), $"CREATE DATABASE {name}");
        var connectionString = new NpgsqlConnectionStringBuilder(Server()) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, name, connectionString, new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = connectionString,
        });
    }

    /// <summary>Runs a statement of the test's own on this database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The first value of a query of the test's own, converted to <typeparamref name="T"/> (default when NULL).</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = Command(connection, sql);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull
            ? default!
            : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    private async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres ? new NpgsqlConnection(ConnectionString) : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static DbCommand Command(DbConnection connection, string sql)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own statements, never input.
        command.CommandText = sql;
#pragma warning restore CA2100
        // CREATE and DROP DATABASE wait for a checkpoint, and a seeded table can be large: slow on a busy machine.
        command.CommandTimeout = 300;
        return command;
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
            catch (PostgresException)
            {
                // Cleaning up is not what the test is about: the database stays behind (named crmgov_t_…) rather than failing it.
                return;
            }
        }
    }

    /// <summary>The server's connection string; a PostgreSQL run without one fails its tests (they must not pass silently).</summary>
    public static string Server() =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException($"Tests on PostgreSQL need {ServerVariable}: export {ServerVariable}=\"$(bash .ci/postgres.sh | tail -n 1)\".");

    // One template per schema: named after a hash of the migrations' SQL script, so every worktree and build with the same
    // migrations shares it and a changed schema gets a new one. Old templates are left alone: another test process may be
    // copying from one (drop crmgov_template_* by hand to reclaim the space).
    private static async Task<string> TemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (s_template is not null)
            {
                return s_template;
            }
            var name = "crmgov_template_" + SchemaVersion();
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

    private static string SchemaVersion()
    {
        using var db = new CrmDbContext(PostgresOptions(Server()));
        var script = db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().GenerateScript();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script)))[..16];
    }

    private static DbContextOptions<CrmDbContext> PostgresOptions(string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CrmDbContext>();
        PortalDialects.Postgres.Configure(builder, new DatabaseOptions { Provider = DatabaseProvider.Postgres, ConnectionString = connectionString }, Path.GetTempPath());
        return builder.Options;
    }

    private static async Task BuildTemplateAsync(string name)
    {
        var building = name + "_building";
        await ExecuteAsync(Server(), $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
        await ExecuteAsync(Server(), $"CREATE DATABASE {building}");
        await using (var db = new CrmDbContext(PostgresOptions(new NpgsqlConnectionStringBuilder(Server()) { Database = building }.ConnectionString)))
        {
            await db.Database.MigrateAsync();
        }
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(Server(), $"ALTER DATABASE {building} RENAME TO {name}");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql);
        await command.ExecuteNonQueryAsync();
    }
}
