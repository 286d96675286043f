using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>Opens the connector a system's <see cref="ConnectedSystem.ConnectorType"/> names, with its settings and decrypted secrets.</summary>
public interface IConnectorFactory
{
    /// <exception cref="InvalidOperationException">The system's connector type is unknown or its settings are incomplete (message says which).</exception>
    ISyncConnector Open(ConnectedSystem system);
}
