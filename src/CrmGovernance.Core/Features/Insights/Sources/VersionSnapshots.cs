using System.Collections.Concurrent;
using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Insights.Sources;

/// <summary>Published configurations by number, read once each (versions never change): a run is counted under the flow, object and systems it ran with.</summary>
public sealed class VersionSnapshots
{
    private readonly ConcurrentDictionary<int, GovernanceConfiguration> _versions = new();

    public async Task<GovernanceConfiguration> GetAsync(CrmDbContext db, int number, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue(number, out var known))
        {
            return known;
        }
        var json = await db.ConfigurationVersions.AsNoTracking().Where(v => v.Number == number).Select(v => v.SnapshotJson).FirstOrDefaultAsync(cancellationToken);
        if (json is null)
        {
            return GovernanceConfiguration.Empty;
        }
        var configuration = ConfigurationJson.Deserialize(json);
        _versions.TryAdd(number, configuration);
        return configuration;
    }
}
