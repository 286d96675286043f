using CrmGovernance.Core.Data;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>
/// Where the demo keeps its files: data/demo next to the portal database, where the demo systems' "database" settings
/// (demo/crm.db, …) point, since SQL connectors resolve relative paths against that folder.
/// </summary>
public sealed class DemoPaths(IOptions<DatabaseOptions> database, IHostEnvironment environment)
{
    public string Folder { get; } = Path.Combine(Path.GetDirectoryName(database.Value.FullPath(environment.ContentRootPath))!, "demo");

    public string Crm => Path.Combine(Folder, DemoDatabases.CrmFile);
    public string Shop => Path.Combine(Folder, DemoDatabases.ShopFile);

    /// <summary>The simulated website's inbound API key, in clear, so that restarts keep using it.</summary>
    public string WebsiteKey => Path.Combine(Folder, "website-key.txt");
}
