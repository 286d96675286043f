using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.Incidents.Triggers;

/// <summary>
/// Since when each flow has been active without a break, from the published versions: the publish time of the earliest
/// version of the latest unbroken stretch in which the flow was Active. Worked out again only when a new version appears.
/// </summary>
public sealed class FlowActivation : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _version = -1;
    private IReadOnlyDictionary<Guid, DateTime> _since = new Dictionary<Guid, DateTime>();

    public void Dispose() => _gate.Dispose();

    public async Task<IReadOnlyDictionary<Guid, DateTime>> ActiveSinceAsync(CrmDbContext db, int currentVersion, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_version != currentVersion)
            {
                _since = await ComputeAsync(db, cancellationToken);
                _version = currentVersion;
            }
            return _since;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<IReadOnlyDictionary<Guid, DateTime>> ComputeAsync(CrmDbContext db, CancellationToken cancellationToken)
    {
        var since = new Dictionary<Guid, DateTime>();
        var broken = new HashSet<Guid>();
        // Newest first: a flow's stretch ends (going back) at the first version where it is missing or not active.
        await foreach (var version in db.ConfigurationVersions.AsNoTracking().OrderByDescending(v => v.Number)
            .Select(v => new { v.PublishedUtc, v.SnapshotJson }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var active = ConfigurationJson.Deserialize(version.SnapshotJson).Flows.Where(f => f.Status == FlowStatus.Active).Select(f => f.Id).ToHashSet();
            foreach (var id in since.Keys.Where(id => !active.Contains(id)))
            {
                broken.Add(id);
            }
            foreach (var id in active.Where(id => !broken.Contains(id)))
            {
                since[id] = version.PublishedUtc;
            }
            if (since.Count > 0 && since.Keys.All(broken.Contains))
            {
                break;
            }
        }
        return since;
    }
}
