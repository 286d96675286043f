using CrmGovernance.Core.Data;
using Npgsql;

namespace CrmGovernance.Benchmarks.Hosting;

/// <summary>
/// The portal database a command measures on (<c>--provider sqlite|postgres</c>). SQLite: the host's own file in its temp
/// folder, nothing to add. PostgreSQL: a throwaway database of this run's own on the server <c>--postgres "&lt;cs&gt;"</c> (or
/// <see cref="Variable"/>, or <see cref="DefaultServer"/>) names, created here and dropped on disposal, also when the run
/// fails or is cancelled; the hosts migrate it as a portal does at start.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    public const string Variable = "CRMGOV_BENCH_POSTGRES";
    public const string DefaultServer = "Host=127.0.0.1;Port=5432;Database=crmgov_test;Username=crmgov;Password=crmgov";

    /// <summary>For usage lines.</summary>
    public const string Usage = $"[--provider sqlite|postgres] [--postgres \"<cs>\" (else ${Variable}, else the local test server)]";

    private readonly string? _server;
    private readonly string? _name;

    private BenchmarkDatabase(DatabaseProvider provider, string? server, string? name)
    {
        Provider = provider;
        _server = server;
        _name = name;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The engine and, on PostgreSQL, the server and database, for the figures' header (no password).</summary>
    public string Description => _server is null ? "SQLite" : $"PostgreSQL ({new NpgsqlConnectionStringBuilder(_server).Host}, database {_name})";

    /// <summary>The settings a portal or worker host needs to use this database (none on SQLite: the host sets Database:Path).</summary>
    public IReadOnlyDictionary<string, string> Settings => _server is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string>
        {
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.Postgres),
            [$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.ConnectionString)}"] = new NpgsqlConnectionStringBuilder(_server) { Database = _name }.ConnectionString,
        };

    public static async Task<BenchmarkDatabase> CreateAsync(CommandOptions options, CancellationToken cancellationToken)
    {
        var provider = options.Choice("provider", "sqlite", "sqlite", "postgres") == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.Sqlite)
        {
            return new BenchmarkDatabase(provider, null, null);
        }
        var variable = Environment.GetEnvironmentVariable(Variable);
        var server = options.Text("postgres", string.IsNullOrWhiteSpace(variable) ? DefaultServer : variable);
        // Lower case, letters, digits and underscores: no quoting needed, under PostgreSQL's 63-character limit.
        var database = new BenchmarkDatabase(provider, server, $"crmgov_bench_{Guid.NewGuid():N}");
        await database.OnServerAsync($"CREATE DATABASE {database._name}", cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        // Not the run's token: a cancelled run still drops its database. FORCE ends sessions a host left behind.
        await OnServerAsync($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", CancellationToken.None);
    }

    private async Task OnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(cancellationToken);
#pragma warning disable CA2100 // The benchmark's own statement; the name is generated here.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
