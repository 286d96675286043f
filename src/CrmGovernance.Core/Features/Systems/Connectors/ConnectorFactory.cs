using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Systems.Connectors.Csv;
using CrmGovernance.Core.Features.Systems.Connectors.Files;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using CrmGovernance.Core.Features.Systems.Connectors.Rest;
using CrmGovernance.Core.Features.Systems.Connectors.Sql;
using CrmGovernance.Core.Features.Systems.Connectors.Webhook;
using CrmGovernance.Core.Features.Systems;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>
/// Opens connectors: "sql", "rest", "webhook", "csv" (docs/connectors.md). Singleton; opening connects to nothing, the
/// connector connects on first use. File paths are confined by <see cref="ConnectorPaths"/> and REST hosts by
/// <see cref="OutboundPolicy"/> (the server's configuration), here and again at each use, whatever governed configuration says.
/// </summary>
public sealed class ConnectorFactory(
    SecretProtector secrets,
    IHttpClientFactory httpClients,
    IServiceScopeFactory scopes,
    ConnectorPaths paths,
    OutboundPolicy outbound,
    IOptions<DatabaseOptions> database,
    TimeProvider clock) : IConnectorFactory
{
    public static readonly IReadOnlyList<string> Types = ["sql", "rest", "webhook", "csv"];

    /// <summary>
    /// Whether the portal can read the system's records through its connector (scans, assessments). A webhook system holds
    /// no records of its own (the portal's inbox does) and cannot take merges.
    /// </summary>
    public static bool CanReadRecords(ConnectedSystem system)
    {
        var type = system.ConnectorType.Trim();
        return Types.Contains(type, StringComparer.OrdinalIgnoreCase) && !type.Equals("webhook", StringComparison.OrdinalIgnoreCase);
    }

    public ISyncConnector Open(ConnectedSystem system) => Open(system, mapMemory: true);

    public ISyncConnector OpenForFullRead(ConnectedSystem system) => Open(system, mapMemory: false);

    private ISyncConnector Open(ConnectedSystem system, bool mapMemory)
    {
        ArgumentNullException.ThrowIfNull(system);
        var settings = new ConnectorSettings(system, secrets);
        return system.ConnectorType.Trim().ToLowerInvariant() switch
        {
            "sql" => new SqlConnector(Dialect(settings, mapMemory), settings, clock),
            "rest" => OpenRest(settings),
            "webhook" => new WebhookConnector(settings, scopes),
            "csv" => CsvConnector.Open(settings, paths),
            _ => throw new InvalidOperationException(
                $"System '{system.Key}' has connector type '{system.ConnectorType}', which the worker cannot open. Known types: {string.Join(", ", Types)}."),
        };
    }

    private RestConnector OpenRest(ConnectorSettings settings)
    {
        var rest = RestSettings.From(settings);
        if (outbound.UrlProblem(new Uri(rest.BaseUrl)) is { } problem)
        {
            throw new OutboundRefusedException($"The setting 'baseUrl' of the {settings.Describe} may not be used: {problem}");
        }
        return new RestConnector(new RestTransport(httpClients.CreateClient(RestTransport.HttpClientName), rest), rest);
    }

    private string PostgresConnection(ConnectorSettings settings)
    {
        var connectionString = settings.RequiredSecret("connectionString");
        return PostgresConnectionCheck.Problem(connectionString, paths) is { } problem
            ? throw new InvalidOperationException($"The secret 'connectionString' of the {settings.Describe} {problem}")
            : connectionString;
    }

    private SqlDialect Dialect(ConnectorSettings settings, bool mapMemory) => settings.Get("provider", "sqlite").ToLowerInvariant() switch
    {
        "sqlite" => new SqliteDialect(paths.Resolve(settings.Required("database"), "database", settings.Describe), database.Value.BusyTimeoutMilliseconds, mapMemory),
        "postgres" or "postgresql" => new PostgresDialect(PostgresConnection(settings)),
        var other => throw new InvalidOperationException($"The setting 'provider' of the {settings.Describe} must be sqlite or postgres, not '{other}'."),
    };
}
