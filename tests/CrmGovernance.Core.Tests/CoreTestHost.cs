using CrmGovernance.Core.Access;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Audit;
using CrmGovernance.Core.Features.Systems;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CrmGovernance.Core.Tests;

/// <summary>
/// A migrated SQLite file in its own temp folder and the Core services that work on it, registered as every host
/// registers them (<see cref="HostRole.Test"/>; nothing is started). One per test; disposing it deletes the folder.
/// </summary>
internal sealed class CoreTestHost : IAsyncDisposable
{
    public const string StrongPassword = "correct staple orbit lantern";

    private readonly string _directory;
    private readonly ServiceProvider _services;

    private readonly TestDatabase _database;

    private CoreTestHost(string directory, TestDatabase database, IDictionary<string, string?>? settings)
    {
        _directory = directory;
        _database = database;
        ConnectionString = database.ConnectionString;
        _services = BuildServices(Clock, directory, database, settings);
    }

    /// <summary>The engine of this run (<see cref="TestDatabase.RunProvider"/>).</summary>
    public DatabaseProvider Provider => _database.Provider;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero));
    public string ConnectionString { get; }
    public string DatabasePath => Path.Combine(_directory, "crm.db");

    /// <summary>The chain key, generated in this host's folder as the portal generates one when none is configured.</summary>
    public AuditChainKey ChainKey => _services.GetRequiredService<AuditChainKey>();
    public AuditWitness Witness => _services.GetRequiredService<AuditWitness>();

    /// <summary>A singleton of this host's services (options, signals).</summary>
    public T Singleton<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <param name="settings">Server settings a test needs beyond the defaults (e.g. an outbound allowlist).</param>
    public static async Task<CoreTestHost> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "crm-core-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = await TestDatabase.CreateAsync(Path.Combine(directory, "crm.db"));
        var host = new CoreTestHost(directory, database, settings);
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<CrmDbContext>().Database.MigrateAsync();
        return host;
    }

    /// <summary>A scope acting as the given user and roles, from the UI.</summary>
    public AsyncServiceScope ScopeAs(string name, params string[] roles) =>
        Scope(a => a.SetUser("id-" + name, name, roles, AuditSources.Ui));

    public AsyncServiceScope Scope(Action<ActorContext>? actAs = null)
    {
        var scope = _services.CreateAsyncScope();
        actAs?.Invoke(scope.ServiceProvider.GetRequiredService<ActorContext>());
        return scope;
    }

    /// <summary>Creates a user through Identity as the seed would, and returns its id.</summary>
    public async Task<string> CreateUserAsync(string email, params string[] roles)
    {
        await using var scope = Scope(a => a.SetSystem("test-seed", null));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = email.Split('@')[0], CreatedUtc = Clock.GetUtcNow().UtcDateTime };
        Require(await users.CreateAsync(user, StrongPassword));
        if (roles.Length > 0)
        {
            Require(await users.AddToRolesAsync(user, roles));
        }
        return user.Id;
    }

    public async Task<List<AuditEntry>> AuditRowsAsync()
    {
        await using var scope = Scope();
        var db = scope.ServiceProvider.GetRequiredService<CrmDbContext>();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>Runs SQL on a connection of its own, as someone with write access to the database would.</summary>
    public async Task ExecuteRawAsync(string sql)
    {
        await using System.Data.Common.DbConnection connection = Provider == DatabaseProvider.Postgres
            ? new Npgsql.NpgsqlConnection(ConnectionString)
            : new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The tests' own attack statements, not user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static void Require(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }

    private static ServiceProvider BuildServices(TimeProvider clock, string directory, TestDatabase database, IDictionary<string, string?>? settings)
    {
        var services = new ServiceCollection();
        // Submission checks systems' connector settings against the server's limits: the demo's databases (demo/*.db) are allowed.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
        }).AddInMemoryCollection(database.Settings).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = directory, EnvironmentName = "Test", ApplicationName = "CrmGovernance.Tests" });
        services.AddLogging();
        services.AddSingleton<IHostApplicationLifetime, ApplicationLifetime>();
        // The registrations the portal and the command line use, for a test's host role.
        services.AddCrmCore(configuration, directory, HostRole.Test);
        services.AddIdentityCore<ApplicationUser>(o => PasswordPolicyValidator.Configure(o.Password))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmDbContext>()
            .AddPasswordValidator<PasswordPolicyValidator>();
        // What a test controls: the clock, and system secrets under a throwaway key (the last registration wins).
        services.AddSingleton(clock);
        services.AddSingleton(new SecretProtector(new EphemeralDataProtectionProvider()));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
