using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.Sync.Inbound;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.FirstRun.Demo;

/// <summary>The check behind reusing the demo website's stored key.</summary>
public static class DemoWebsiteKey
{
    /// <summary>
    /// Whether this portal database ever issued the key, revoked or not. A key it never issued (the database was replaced,
    /// the key file kept) is replaced by a new one; a revoked key is not, since an admin meant to stop the website.
    /// </summary>
    public static async Task<bool> WasIssuedHereAsync(IDbContextFactory<CrmDbContext> contexts, string key, CancellationToken cancellationToken)
    {
        var hash = InboundKeyText.Hash(key);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboundApiKeys.AnyAsync(k => k.Hash == hash, cancellationToken);
    }
}
