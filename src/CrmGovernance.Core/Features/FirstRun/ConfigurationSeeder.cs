using CrmGovernance.Core.Data;
using CrmGovernance.Core.Features.ChangeControl;
using CrmGovernance.Core.Features.Configuration.Model;
using CrmGovernance.Core.Features.Configuration.Validation;
using CrmGovernance.Core.Features.Configuration.Versions;
using Microsoft.EntityFrameworkCore;

namespace CrmGovernance.Core.Features.FirstRun;

/// <summary>
/// Publishes the starting configuration as version 1 when nothing is published yet: the six standard objects with the
/// default match rules of contact and company, or the demo configuration. Every later change goes through a change request.
/// </summary>
public sealed class ConfigurationSeeder(IDbContextFactory<CrmDbContext> contexts, PublishedConfiguration published, TimeProvider clock)
{
    public async Task<bool> SeedIfEmptyAsync(GovernanceConfiguration baseline, CancellationToken cancellationToken = default)
    {
        var issues = ConfigurationValidator.Validate(baseline);
        if (issues.Count > 0)
        {
            throw new InvalidOperationException("The starting configuration is invalid: " + string.Join(" ", issues.Select(i => i.Message)));
        }
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ConfigurationVersions.AnyAsync(cancellationToken))
        {
            return false;
        }
        var version = new ConfigurationVersion
        {
            Number = 1,
            PublishedUtc = clock.GetUtcNow().UtcDateTime,
            PublishedByName = db.Actor.Name,
            SnapshotJson = ConfigurationJson.Serialize(baseline),
            Hash = ConfigurationJson.Hash(baseline),
        };
        db.ConfigurationVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        published.Publish(version);
        return true;
    }

    public static GovernanceConfiguration StandardObjectsOwnedBy(string email) =>
        new() { Objects = StandardObjects.All(email, email), MatchRules = StandardMatchRules.All() };
}
