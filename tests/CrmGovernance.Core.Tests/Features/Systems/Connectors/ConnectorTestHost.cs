using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems.Connectors;
using CrmGovernance.Core.Features.Systems;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Hosting;

namespace CrmGovernance.Core.Tests.Features.Systems.Connectors;

/// <summary>
/// The connector services as AddCrmCore wires them (factory, options, resilient HttpClient), on a temp content root
/// whose data folder ("data/", where the portal database would live) holds the test's files and is the connectors' file root.
/// </summary>
internal sealed class ConnectorTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorTestHost(string folder, IDictionary<string, string?>? configuration)
    {
        Folder = folder;
        DataFolder = Path.Combine(folder, "data");
        Directory.CreateDirectory(DataFolder);
        var config = new ConfigurationBuilder()
            // The tests' connector files live in the data folder, beside the portal database (which stays refused).
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Path"] = "data/portal.db", ["Database:BusyTimeoutMilliseconds"] = "300", ["Connectors:FileRoots:0"] = "data",
            })
            .AddInMemoryCollection(configuration ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = folder, EnvironmentName = "Test", ApplicationName = "CrmGovernance.Tests" });
        services.AddOptions<DatabaseOptions>().Bind(config.GetSection(DatabaseOptions.Section));
        services.AddSingleton(Secrets);
        services.AddSystemConnectors(config);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public string Folder { get; }
    public string DataFolder { get; }
    public SecretProtector Secrets { get; } = new(new EphemeralDataProtectionProvider());
    public IConnectorFactory Factory => _services.GetRequiredService<IConnectorFactory>();

    public static ConnectorTestHost Start(IDictionary<string, string?>? configuration = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "crm-connector-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new ConnectorTestHost(folder, configuration);
    }

    /// <summary>A system as the portal stores it: settings in clear, secrets encrypted.</summary>
    public ConnectedSystem System(string key, string connectorType, IDictionary<string, string> settings, IDictionary<string, string>? secrets = null) => new()
    {
        Id = Guid.NewGuid(),
        Key = key,
        Name = key,
        ConnectorType = connectorType,
        Settings = new SortedDictionary<string, string>(settings, StringComparer.Ordinal),
        Secrets = new SortedDictionary<string, string>(
            (secrets ?? new Dictionary<string, string>()).ToDictionary(s => s.Key, s => Secrets.Protect(s.Value)), StringComparer.Ordinal),
    };

    public ISyncConnector Open(string key, string connectorType, IDictionary<string, string> settings, IDictionary<string, string>? secrets = null) =>
        Factory.Open(System(key, connectorType, settings, secrets));

    public string PathOf(string name) => Path.Combine(DataFolder, name);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
