using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// The configurations either side of a change request, to name what its diff points at: for a published request the
/// version before it and the version it published (names as they were then); otherwise the current version and the
/// draft. Callers have checked who is asking.
/// </summary>
internal static class ChangeRequestSides
{
    public static async Task<IReadOnlyList<ItemDiff>> DescribeAsync(CrmDbContext db, ChangeRequest request, GovernanceConfiguration current,
        CancellationToken cancellationToken)
    {
        var (before, after) = await ReadAsync(db, request, current, cancellationToken);
        return DiffLabels.Apply(ChangeSet.Describe(request.Items), before, after);
    }

    private static async Task<(GovernanceConfiguration Before, GovernanceConfiguration After)> ReadAsync(CrmDbContext db, ChangeRequest request,
        GovernanceConfiguration current, CancellationToken cancellationToken)
    {
        if (request.PublishedVersion is { } number)
        {
            var snapshots = await db.ConfigurationVersions.AsNoTracking().Where(v => v.Number == number || v.Number == number - 1)
                .ToDictionaryAsync(v => v.Number, v => v.SnapshotJson, cancellationToken);
            if (snapshots.TryGetValue(number, out var published))
            {
                var previous = snapshots.TryGetValue(number - 1, out var json) ? ConfigurationJson.Deserialize(json) : GovernanceConfiguration.Empty;
                return (previous, ConfigurationJson.Deserialize(published));
            }
        }
        return (current, ChangeSet.Apply(current, request.Items));
    }
}
