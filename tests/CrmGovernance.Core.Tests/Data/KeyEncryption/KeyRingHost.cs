using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Systems;
using CrmGovernance.Core.Features.Users;
using CrmGovernance.Core.Hosting;
using CrmGovernance.Core;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmGovernance.Core.Tests.Data.KeyEncryption;

/// <summary>
/// The Core services as AddCrmCore wires them, on a content root of its own with the database in <c>data/</c>, in the
/// environment and with the settings a test chooses. Starting it runs the start checks; disposing stops it.
/// </summary>
internal sealed class KeyRingHost : IAsyncDisposable
{
    private readonly IHost _host;

    private KeyRingHost(IHost host, string contentRoot)
    {
        _host = host;
        ContentRoot = contentRoot;
    }

    public string ContentRoot { get; }
    public string DataFolder => Path.Combine(ContentRoot, "data");
    public string DatabasePath => DatabasePathIn(ContentRoot);
    public IServiceProvider Services => _host.Services;
    public SecretProtector Secrets => Services.GetRequiredService<SecretProtector>();

    public static string DatabasePathIn(string contentRoot) => Path.Combine(contentRoot, "data", "crm.db");

    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A start check refused the configuration.</exception>
    public static async Task<KeyRingHost> StartAsync(string contentRoot, string environment, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? alsoRegister = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = contentRoot, EnvironmentName = environment });
        builder.Logging.SetMinimumLevel(LogLevel.Critical);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = "data/crm.db",
            ["Scheduler:DatabasePath"] = "data/scheduler.db",
            ["Sync:Worker"] = "false",
            ["Demo:Enabled"] = "false",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Services.AddCrmCore(builder.Configuration, contentRoot, HostRole.Test);
        builder.Services.AddIdentityCore<ApplicationUser>().AddRoles<IdentityRole>().AddEntityFrameworkStores<CrmDbContext>();
        alsoRegister?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            SqliteConnection.ClearAllPools();
            throw;
        }
        return new KeyRingHost(host, contentRoot);
    }

    /// <summary>The key ring as stored: every row of DataProtectionKeys, read from the file as anyone with a copy could.</summary>
    public async Task<List<string>> StoredKeysAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Xml" FROM "DataProtectionKeys" """;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
