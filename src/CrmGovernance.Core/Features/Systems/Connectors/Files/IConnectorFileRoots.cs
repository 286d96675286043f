namespace CrmGovernance.Core.Features.Systems.Connectors.Files;

/// <summary>
/// Folders another feature adds to the connector file roots (<c>Connectors:FileRoots</c>), such as the demo systems'
/// databases: registered by that feature, so connectors depend on none of them.
/// </summary>
public interface IConnectorFileRoots
{
    /// <summary>The folders, given the folder that holds the portal database.</summary>
    IEnumerable<string> Under(string dataFolder);
}
