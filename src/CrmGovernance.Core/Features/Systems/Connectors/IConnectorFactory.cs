using CrmGovernance.Core.Features.Configuration.Model;

namespace CrmGovernance.Core.Features.Systems.Connectors;

/// <summary>Opens the connector a system's <see cref="ConnectedSystem.ConnectorType"/> names, with its settings and decrypted secrets.</summary>
public interface IConnectorFactory
{
    /// <exception cref="InvalidOperationException">The system's connector type is unknown or its settings are incomplete (message says which).</exception>
    ISyncConnector Open(ConnectedSystem system);

    /// <summary>
    /// The connector for one pass over every record of an object (assessments): the same, except that a
    /// SQLite database is read without mapping its file into memory, so the pass does not hold the system's whole
    /// database in the portal's resident memory (a sync, reading the same pages again and again, keeps the mapping).
    /// </summary>
    /// <exception cref="InvalidOperationException">As for <see cref="Open"/>.</exception>
    ISyncConnector OpenForFullRead(ConnectedSystem system);
}
