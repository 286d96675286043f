using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Systems.Connectors.Csv;
using CrmGovernance.Core.Features.Systems.Connectors.Files;
using CrmGovernance.Core.Features.Systems.Connectors.Outbound;
using CrmGovernance.Core.Features.Systems.Connectors.Sql;
using CrmGovernance.Core.Features.Systems;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>
/// Checks the settings of systems a change request adds or changes against what the server allows connectors to reach
/// (<see cref="ConnectorPaths"/>, <see cref="OutboundPolicy"/>), so the author and the reviewer see a refused path or
/// host before it is published. The connector factory checks the same again when it opens a connector.
/// </summary>
public sealed class ConnectorSettingsCheck(ConnectorPaths paths, OutboundPolicy outbound, SecretProtector secrets)
{
    /// <summary>One issue per refused setting of a system that is new in <paramref name="next"/> or changed since <paramref name="current"/>.</summary>
    public IReadOnlyList<ValidationIssue> Validate(GovernanceConfiguration next, GovernanceConfiguration current) =>
    [
        .. next.Systems.Where(s => Changed(current.FindSystem(s.Id), s))
            .SelectMany(s => Problems(s).Select(p => new ValidationIssue(ConfigurationItemKind.System, s.Id, p))),
    ];

    /// <summary>Why a system's connector settings cannot be used here, one message per setting.</summary>
    public IReadOnlyList<string> Problems(ConnectedSystem system)
    {
        var settings = new ConnectorSettings(system, secrets);
        var problems = new List<string>();
        void CheckPath(string name, string? value)
        {
            if (value is not null && paths.Problem(value, out _) is { } problem)
            {
                problems.Add($"The setting '{name}' of the {settings.Describe} {problem}");
            }
        }
        switch (system.ConnectorType.Trim().ToLowerInvariant())
        {
            case "sql" when settings.Get("provider", "sqlite").Equals("sqlite", StringComparison.OrdinalIgnoreCase):
                CheckPath("database", settings.Get("database"));
                break;
            case "sql" when PostgresConnectionString(settings) is { } connectionString && PostgresConnectionCheck.Problem(connectionString, paths) is { } problem:
                problems.Add($"The secret 'connectionString' of the {settings.Describe} {problem}");
                break;
            case "csv":
                foreach (var name in system.Settings.Keys.Where(CsvConnector.IsPathSetting))
                {
                    CheckPath(name, settings.Get(name));
                }
                break;
            case "rest" when settings.Get("baseUrl") is { } baseUrl:
                if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var url))
                {
                    problems.Add($"The setting 'baseUrl' of the {settings.Describe} must be an absolute http(s) URL, not '{baseUrl}'.");
                }
                else if (outbound.UrlProblem(url) is { } problem)
                {
                    problems.Add($"The setting 'baseUrl' of the {settings.Describe} may not be used: {problem}");
                }
                break;
        }
        return problems;
    }

    /// <summary>The decrypted connection string; null when there is none or it cannot be decrypted (the connector says so when it opens).</summary>
    private static string? PostgresConnectionString(ConnectorSettings settings)
    {
        try
        {
            return settings.Secret("connectionString");
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool Changed(ConnectedSystem? before, ConnectedSystem after) =>
        before is null
        || !string.Equals(before.ConnectorType, after.ConnectorType, StringComparison.Ordinal)
        || !Same(before.Settings, after.Settings)
        || !Same(before.Secrets, after.Secrets);

    private static bool Same(SortedDictionary<string, string> a, SortedDictionary<string, string> b) =>
        a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var value) && value == kv.Value);
}
