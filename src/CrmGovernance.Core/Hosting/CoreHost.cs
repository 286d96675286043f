using CrmGovernance.Core.Data;
using Microsoft.Extensions.Configuration;

namespace CrmGovernance.Core.Hosting;

/// <summary>What every feature's registration may read: settings, the content root and the host's role. Registering
/// reads settings and computes paths only; files and the database are touched when the host starts.</summary>
public sealed record CoreHost(IConfiguration Configuration, string ContentRoot, HostRole Role)
{
    /// <summary>The folder of the portal database (Database:Path), where generated keys, exports and connector files go.</summary>
    public string DataFolder => Path.GetDirectoryName(Database.FullPath(ContentRoot))!;

    public DatabaseOptions Database => Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

    /// <summary>This process's part among several (Node:Role, Node:Name).</summary>
    public NodeOptions Node => Configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();

    /// <summary>
    /// Whether this process runs the background work: the scheduler, the flow worker, the duplicate scans' and audit
    /// exports' queues and the shared event subscribers. Never the command line; a portal or test host unless its
    /// Node:Role is Portal.
    /// </summary>
    public bool RunsWorker => Role != HostRole.CommandLine && Node.RunsWorker;
}
