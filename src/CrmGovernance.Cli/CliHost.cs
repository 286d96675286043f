using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Cli;

/// <summary>
/// The portal's Core services on a generic host with the portal's settings (appsettings.json, appsettings.{Environment}.json
/// and environment variables under the content root), registered for <see cref="HostRole.CommandLine"/>: no web, no
/// scheduler and no flow worker, since the command line runs one flow on request. Starting it runs the database initialiser, as the portal's start does.
/// </summary>
internal sealed class CliHost : IAsyncDisposable
{
    public const string ContentRootVariable = "CRMGOV_CONTENT_ROOT";

    private readonly IHost _host;

    private CliHost(IHost host, string databasePath, IReadOnlyList<string> pendingAtStart)
    {
        _host = host;
        DatabasePath = databasePath;
        PendingAtStart = pendingAtStart;
    }

    public IServiceProvider Services => _host.Services;
    public string DatabasePath { get; }

    /// <summary>The migrations the database lacked before the host started (applied by the start when migrating).</summary>
    public IReadOnlyList<string> PendingAtStart { get; }

    /// <summary>Cancelled by Ctrl+C (SIGINT) or SIGTERM: the run stops after its current batch and ends interrupted.</summary>
    public CancellationToken Stopping => _host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

    /// <summary>--content-root, else CRMGOV_CONTENT_ROOT, else the current directory.</summary>
    public static string ContentRoot(string? option) =>
        Path.GetFullPath(!string.IsNullOrWhiteSpace(option) ? option
            : Environment.GetEnvironmentVariable(ContentRootVariable) is { Length: > 0 } variable ? variable
            : Directory.GetCurrentDirectory());

    /// <summary>Builds and starts the host.</summary>
    /// <param name="migrate">Create or upgrade the database; otherwise it must exist with every migration applied.</param>
    /// <exception cref="CliException">No content root, no database, or a schema that is behind.</exception>
    public static async Task<CliHost> StartAsync(string contentRoot, bool migrate, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(contentRoot))
        {
            throw new CliException(ExitCodes.ConfigurationOrDatabase, $"The content root {contentRoot} does not exist (--content-root or {ContentRootVariable}).");
        }
        var initial = new ConfigurationManager();
        // No watching of appsettings*.json: a command runs briefly, and the watcher would wake up for every write to a
        // database under the content root (about a tenth of a run's CPU).
        initial.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Configuration = initial,
            ContentRootPath = contentRoot,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? Environments.Production,
        });
        ConfigureLogging(builder.Logging, builder.Services);
        if (!migrate)
        {
            // "No user exists yet" and the like belong to setting up (crmgov migrate, the portal), not to every sync command.
            builder.Logging.AddFilter("CrmGovernance.Core.Features.FirstRun", LogLevel.Error);
        }

        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var databasePath = database.FullPath(contentRoot);
        if (!migrate && !File.Exists(databasePath))
        {
            throw new CliException(ExitCodes.ConfigurationOrDatabase,
                $"No database at {databasePath}. Check --content-root and Database:Path, or create it with: crmgov migrate");
        }

        builder.Services.AddCrmCore(builder.Configuration, contentRoot, HostRole.CommandLine);
        builder.Services.AddIdentityCore<ApplicationUser>(o => PasswordPolicyValidator.Configure(o.Password))
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CrmDbContext>();
        builder.Services.RemoveAll<IPasswordValidator<ApplicationUser>>();
        builder.Services.AddScoped<IPasswordValidator<ApplicationUser>, PasswordPolicyValidator>();

        var host = builder.Build();
        try
        {
            var pending = await PendingMigrationsAsync(host.Services, cancellationToken);
            if (!migrate && pending.Count > 0)
            {
                throw new CliException(ExitCodes.ConfigurationOrDatabase,
                    $"The database at {databasePath} lacks {pending.Count} migration(s) of this version (up to {pending[^1]}). Upgrade it first with: crmgov migrate");
            }
            await host.StartAsync(cancellationToken);
            return new CliHost(host, databasePath, pending);
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Runs <paramref name="query"/> on a context of its own.</summary>
    public async Task<T> QueryAsync<T>(Func<CrmDbContext, Task<T>> query, CancellationToken cancellationToken)
    {
        await using var scope = Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        return await query(db);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _host.StopAsync(CancellationToken.None);
        }
        finally
        {
            _host.Dispose();
        }
    }

    /// <summary>Framework messages from Warning up, on standard error; standard output carries only the command's own lines.</summary>
    private static void ConfigureLogging(ILoggingBuilder logging, IServiceCollection services)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = false;
        });
        services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Warning);
    }

    private static async Task<IReadOnlyList<string>> PendingMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<CrmDbContext>>().CreateDbContextAsync(cancellationToken);
        return [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
    }
}
