using CrmGovernance.Core.Features.Systems.Connectors.Files;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>With the demo on, its systems' SQLite databases (DemoPaths: "demo/crm.db", …) are a connector file root.</summary>
public sealed class DemoFileRoots(IOptions<DemoOptions> demo) : IConnectorFileRoots
{
    public IEnumerable<string> Under(string dataFolder) =>
        demo.Value.Enabled ? [Path.Combine(dataFolder, "demo")] : [];
}
