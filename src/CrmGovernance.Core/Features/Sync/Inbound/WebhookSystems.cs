using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Sync.Inbound;

/// <summary>The systems that may send to the inbound endpoint: those whose connector type is "webhook".</summary>
public static class WebhookSystems
{
    public const string ConnectorType = "webhook";

    public static IEnumerable<ConnectedSystem> Of(GovernanceConfiguration configuration) =>
        configuration.Systems.Where(s => string.Equals(s.ConnectorType, ConnectorType, StringComparison.OrdinalIgnoreCase));

    public static ConnectedSystem? Find(GovernanceConfiguration configuration, string systemKey) =>
        Of(configuration).FirstOrDefault(s => string.Equals(s.Key, systemKey, StringComparison.OrdinalIgnoreCase));
}
