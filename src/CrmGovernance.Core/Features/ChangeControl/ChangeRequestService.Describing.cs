using CrmGovernance.Core.Access;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.ChangeControl;

public sealed partial class ChangeRequestService
{
    /// <summary>
    /// The request's own diff in business words (item titles, field labels, names instead of ids), as its page and
    /// report show it; empty when there is no such request.
    /// </summary>
    public async Task<IReadOnlyList<ItemDiff>> DescribeAsync(Guid id, CancellationToken cancellationToken = default)
    {
        actor.Ensure(Capability.ReadConfiguration);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? [] : await ChangeRequestSides.DescribeAsync(db, request, (await published.CurrentAsync(cancellationToken)).Configuration, cancellationToken);
    }
}
