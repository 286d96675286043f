using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Configuration.Model;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.ChangeControl;

/// <summary>
/// Reads a change request's draft configuration without asking who is calling: for entry points that have checked
/// their caller already (the change request page through <see cref="ChangeRequestService"/>, a dry run through the runner).
/// </summary>
public sealed class ChangeRequestDrafts(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published)
{
    /// <summary>The published configuration plus the request's items; null when there is no such request.</summary>
    public async Task<GovernanceConfiguration?> ConfigurationAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var request = await db.ChangeRequests.AsNoTracking().Include(r => r.Items).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is null ? null : ChangeSet.Apply((await published.CurrentAsync(cancellationToken)).Configuration, request.Items);
    }
}
