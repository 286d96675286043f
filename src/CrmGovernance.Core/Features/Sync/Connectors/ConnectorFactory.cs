using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Sync.Connectors.Csv;
using CrmGovernance.Core.Features.Sync.Connectors.Rest;
using CrmGovernance.Core.Features.Sync.Connectors.Sql;
using CrmGovernance.Core.Features.Sync.Connectors.Webhook;
using CrmGovernance.Core.Features.Systems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Sync.Connectors;

/// <summary>
/// Opens connectors: "sql", "rest", "webhook", "csv" (docs/connectors.md). Singleton; opening does no I/O, the
/// connector connects on first use. Relative file paths resolve against the folder holding the portal database.
/// </summary>
public sealed class ConnectorFactory(
    SecretProtector secrets,
    IHttpClientFactory httpClients,
    IServiceScopeFactory scopes,
    IHostEnvironment environment,
    IOptions<DatabaseOptions> database,
    TimeProvider clock) : IConnectorFactory
{
    public static readonly IReadOnlyList<string> Types = ["sql", "rest", "webhook", "csv"];

    public string DataFolder => Path.GetDirectoryName(database.Value.FullPath(environment.ContentRootPath))!;

    public ISyncConnector Open(ConnectedSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var settings = new ConnectorSettings(system, secrets);
        return system.ConnectorType.Trim().ToLowerInvariant() switch
        {
            "sql" => new SqlConnector(Dialect(settings), settings, clock),
            "rest" => OpenRest(settings),
            "webhook" => new WebhookConnector(settings, scopes),
            "csv" => new CsvConnector(settings, DataFolder),
            _ => throw new InvalidOperationException(
                $"System '{system.Key}' has connector type '{system.ConnectorType}', which the worker cannot open. Known types: {string.Join(", ", Types)}."),
        };
    }

    private RestConnector OpenRest(ConnectorSettings settings)
    {
        var rest = RestSettings.From(settings);
        return new RestConnector(new RestTransport(httpClients.CreateClient(RestTransport.HttpClientName), rest), rest);
    }

    private SqlDialect Dialect(ConnectorSettings settings) => settings.Get("provider", "sqlite").ToLowerInvariant() switch
    {
        "sqlite" => new SqliteDialect(Path.GetFullPath(settings.Required("database"), DataFolder), database.Value.BusyTimeoutMilliseconds),
        "postgres" or "postgresql" => new PostgresDialect(settings.RequiredSecret("connectionString")),
        var other => throw new InvalidOperationException($"The setting 'provider' of the {settings.Describe} must be sqlite or postgres, not '{other}'."),
    };
}
